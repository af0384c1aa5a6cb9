package org.duban.console.board;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.client.supervision.model.AlertColour;
import org.duban.client.supervision.model.AlertKind;
import org.duban.console.ConsoleProperties;
import org.duban.console.security.ConsoleUser;
import org.duban.console.web.TypedInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 督办看板 (supervisors, leaders): counts by colour and the alert lines, most urgent first, filtered by
 * kind, colour and unit; the lines refresh themselves (htmx polls {@code /board/lines}).
 */
@Controller
class BoardController {

    private final Board board;
    private final long refreshSeconds;

    BoardController(Board board, ConsoleProperties properties) {
        this.board = board;
        this.refreshSeconds = properties.boardRefresh().toSeconds();
    }

    @GetMapping("/board")
    String page(ConsoleUser user, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String colour, @RequestParam(required = false) String unitId,
            @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        show(user, kind, colour, unitId, page, request, model);
        return "board/index";
    }

    @GetMapping("/board/lines")
    String lines(ConsoleUser user, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String colour, @RequestParam(required = false) String unitId,
            @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        show(user, kind, colour, unitId, page, request, model);
        return "board/index :: lines";
    }

    /** Filters that do not parse are dropped: the board shows its default rather than an error. */
    private void show(ConsoleUser user, String kind, String colour, String unitId, int page,
            HttpServletRequest request, Model model) {
        AlertKind chosenKind = TypedInput.option(kind, AlertKind.class);
        AlertColour chosenColour = TypedInput.option(colour, AlertColour.class);
        model.addAttribute("board", board.view(user, chosenKind == null ? AlertKind.ASSIGNMENT : chosenKind,
                chosenColour, TypedInput.text(unitId), Math.max(0, page), request));
        model.addAttribute("kinds", AlertKind.values());
        model.addAttribute("colours", AlertColour.values());
        model.addAttribute("refreshSeconds", refreshSeconds);
    }
}
