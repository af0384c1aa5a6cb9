package org.duban.console.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * After a form the platform took: back to a page (post/redirect/get) that says once what was done. The
 * layout shows the {@code flash} message; {@code message} is its key in {@code messages_zh_CN.properties}.
 */
public final class Flash {

    private Flash() {
    }

    public static String redirect(RedirectAttributes redirect, String message, String path) {
        redirect.addFlashAttribute("flash", message);
        return "redirect:" + path;
    }
}
