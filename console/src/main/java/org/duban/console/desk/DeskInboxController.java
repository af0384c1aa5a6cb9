package org.duban.console.desk;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.client.notification.api.InboxApi;
import org.duban.client.notification.model.InboxMessage;
import org.duban.client.notification.model.InboxPage;
import org.duban.console.platform.Attempt;
import org.duban.console.security.Htmx;
import org.duban.console.web.PageView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 收件箱: the unit's messages, unread first, and 签收 — the acknowledgement that is the office's proof that
 * the unit was told (送达). Without script the 签收 form posts and comes back to the same page; with htmx
 * only the message's line is replaced (and the unread count beside the heading).
 */
@Controller
class DeskInboxController {

    static final int PER_PAGE = 20;

    private final InboxApi inbox;

    DeskInboxController(InboxApi inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/desk")
    String inbox(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request, Model model) {
        InboxPage found = inbox.listInbox(unread ? Boolean.TRUE : null, Math.max(0, page), PER_PAGE);
        model.addAttribute("messages", found.getItems());
        model.addAttribute("unreadCount", found.getUnread());
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("page", PageView.of(request, "/desk", found.getPage()));
        return "desk/inbox";
    }

    /**
     * Acknowledges the message (the platform keeps the first acknowledgement). An htmx call is answered
     * with the message's line alone; a plain form goes back to the page it came from.
     */
    @PostMapping("/desk/inbox/{messageId}/ack")
    String acknowledge(@PathVariable String messageId, @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        Attempt<InboxMessage> acknowledged = Attempt.of(() -> inbox.acknowledgeMessage(messageId));
        if (Htmx.isHtmx(request)) {
            model.addAttribute("message", acknowledged.refused() ? null : acknowledged.value());
            model.addAttribute("problem", acknowledged.problem());
            model.addAttribute("messageId", messageId);
            model.addAttribute("unreadCount", inbox.listInbox(Boolean.TRUE, 0, 1).getUnread());
            return "desk/inbox :: acknowledged";
        }
        if (acknowledged.refused()) {
            redirect.addFlashAttribute("problem", acknowledged.problem());
        } else {
            redirect.addFlashAttribute("flash", "desk.inbox.acknowledged");
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/desk");
        if (unread) {
            back.queryParam("unread", true);
        }
        if (page > 0) {
            back.queryParam("page", page);
        }
        return "redirect:" + back.build().toUriString();
    }
}
