package org.duban.console.web;

import org.duban.console.ConsoleTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.console.security.local.SignedInUsers.supervisor;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class StaticFilesTest extends ConsoleTest {

    @Test
    void pagesLinkTheStylesheetScriptAndHtmxByContentOrVersionSoThatBrowsersKeepThemAYear() throws Exception {
        // when
        Document units = page(get("/units").with(supervisor()));

        // then
        String stylesheet = units.select("link[rel=stylesheet]").attr("href");
        String script = units.select("script[src^='/js/']").attr("src");
        String htmx = units.select("script[src^='/webjars/']").attr("src");
        assertThat(stylesheet).matches("/css/console-[0-9a-f]{32}\\.css");
        assertThat(script).matches("/js/console-[0-9a-f]{32}\\.js");
        assertThat(htmx).matches("/webjars/htmx\\.org/2\\.[0-9.]+/dist/htmx\\.min\\.js");
        for (String file : new String[] {stylesheet, script, htmx}) {
            mvc.perform(get(file)).andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"));
        }
    }

    @Test
    void aPagesOwnLinksAreLeftAsTheyAre() throws Exception {
        // when
        Document units = page(get("/units").with(supervisor()));

        // then
        assertThat(units.select("a[href='/units/unit-cg']")).hasSize(1);
        assertThat(units.select("a[href='/board']")).hasSize(1);
    }

    @Test
    void onlyTheConsolesOwnFoldersServeFiles() throws Exception {
        mvc.perform(get("/messages_zh_CN.properties").with(supervisor())).andExpect(status().isNotFound());
        mvc.perform(get("/templates/layout.html").with(supervisor())).andExpect(status().isNotFound());
        mvc.perform(get("/css/../messages_zh_CN.properties").with(supervisor())).andExpect(status().is4xxClientError());
    }
}
