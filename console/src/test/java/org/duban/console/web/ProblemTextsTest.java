package org.duban.console.web;

import java.util.List;

import org.duban.console.platform.PlatformProblem;
import org.duban.console.platform.PlatformProblem.FieldError;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTextsTest {

    private final ProblemTexts texts = new ProblemTexts(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        return messages;
    }

    @Test
    void saysTheValidationMessagesOfThePlatformInChineseWithTheirNumbers() {
        assertThat(texts.say("must not be blank")).isEqualTo("必须填写");
        assertThat(texts.say("is required")).isEqualTo("必须填写");
        assertThat(texts.say("size must be between 1 and 200")).isEqualTo("长度应在 1 到 200 之间");
        assertThat(texts.say("must be at most 500 characters")).isEqualTo("不能超过 500 个字");
        assertThat(texts.say("must match \"^[0-9+()\\- ]{3,32}$\"")).isEqualTo("格式不正确");
        assertThat(texts.say("must be greater than or equal to 1")).isEqualTo("不能小于 1");
        assertThat(texts.say("cannot lie before the assignment was issued")).isEqualTo("不能早于交办时间");
    }

    @Test
    void saysWhichBoundAReportedTimeBrokeInChinese() {
        assertThat(texts.say("must not be before the assignment was issued (2026-12-03T09:15:00Z)"))
                .isEqualTo("不能早于交办时间");
        assertThat(texts.say("must not be before the measure was issued (2026-12-03T09:15:00Z)"))
                .isEqualTo("不能早于问责措施下达时间");
        assertThat(texts.say("must not be more than 5 minutes in the future")).isEqualTo("不能晚于当前时间 5 分钟以上");
        assertThat(texts.say("must not be more than 1 hour in the future")).isEqualTo("不能晚于当前时间 1 小时以上");
        assertThat(texts.say("must not be more than 90 seconds in the future")).isEqualTo("不能晚于当前时间 90 秒以上");
    }

    @Test
    void saysTheRulesOfThePlatformInChinese() {
        assertThat(texts.say("case c-1 accuses unit u-2; a whistleblowing matter is never sent to a unit it accuses"))
                .isEqualTo("该信访事项检举揭发了这个单位：检举揭发件不得交办或转送给被检举单位。");
        assertThat(texts.say("a unit with code CGJD is already registered")).isEqualTo("单位编码 CGJD 已被登记。");
        assertThat(texts.say("extensions of an assignment total at most 30 days")).isEqualTo("延期累计不能超过 30 天。");
    }

    @Test
    void showsAMessageItDoesNotKnowAsThePlatformWroteIt() {
        assertThat(texts.say("the moon is made of cheese")).isEqualTo("the moon is made of cheese");
    }

    @Test
    void namesTheStateOfAStateConflictInChinese() {
        PlatformProblem conflict = new PlatformProblem(409, "urn:duban:problem:state-conflict",
                "assignment a-1 is CONCLUDED: cannot review", "r-1", "CONCLUDED", List.of());

        assertThat(texts.headline(conflict)).isEqualTo("当前状态为“已办结”，不能进行此操作。");
    }

    @Test
    void saysAConcurrentChangeByItsDetailRatherThanAsAState() {
        PlatformProblem concurrent = new PlatformProblem(409, "urn:duban:problem:state-conflict",
                "supervision order o-1 is changed concurrently: cannot apply this change", "r-1",
                "changed concurrently", List.of());

        assertThat(texts.headline(concurrent)).isEqualTo("记录刚被他人修改，请刷新后重试。");
    }

    @Test
    void listsEachFieldErrorWithItsLabelForTheSummary() {
        PlatformProblem invalid = new PlatformProblem(400, "urn:duban:problem:invalid-request", "invalid", null, null,
                List.of(new FieldError("petitioner.name", "must not be blank"), new FieldError("contacts[2].phone", "must match \"x\"")));

        assertThat(texts.summary(invalid)).extracting(ProblemTexts.FieldMessage::label, ProblemTexts.FieldMessage::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("信访人姓名", "必须填写"),
                        org.assertj.core.groups.Tuple.tuple("联系电话", "格式不正确"));
        assertThat(texts.headline(invalid)).isEqualTo("提交未成功：请修改下列内容。");
    }
}
