package org.duban.console.matters;

import java.util.List;
import java.util.Objects;

import org.duban.client.intake.model.Category;
import org.duban.client.intake.model.Channel;
import org.duban.client.intake.model.Origin;
import org.duban.client.intake.model.Petitioner;
import org.duban.client.intake.model.RegisterCaseRequest;
import org.duban.console.web.IdempotencyKeys;
import org.duban.console.web.TypedInput;

/**
 * The registration form of a matter, as typed (text only, so a refused form comes back as it was). Its
 * parameters are named as the API's fields ({@code petitioner.name}, {@code accusedUnitIds}), so the
 * platform's errors sit beside their inputs. A checkbox is {@code "true"} when ticked and absent otherwise.
 * Everything typed is sent, also what the page hides by script (accused units of a matter no longer
 * marked 检举揭发): the platform decides, and its refusal shows the field again.
 */
record MatterForm(String title, String summary, String channel, String origin, String category,
        PetitionerFields petitioner, String prominent, String backlog, String leaderInCharge, String firstTime,
        String repeatOfCaseId, String whistleblowing, List<String> accusedUnitIds, String idempotencyKey) {

    MatterForm {
        petitioner = petitioner == null ? PetitionerFields.blank() : petitioner;
        accusedUnitIds = accusedUnitIds == null ? List.of()
                : accusedUnitIds.stream().filter(Objects::nonNull).filter(id -> !id.isBlank()).distinct().toList();
    }

    /** The petitioner's identity (信访人), shown only to supervisors and the handling unit. */
    record PetitionerFields(String name, String idNumber, String phone) {

        static PetitionerFields blank() {
            return new PetitionerFields("", "", "");
        }
    }

    /** A new form: a first-time petition (初次信访) until the supervisor says otherwise. */
    static MatterForm blank() {
        return new MatterForm("", "", "", "", "", PetitionerFields.blank(), null, null, "", "true", "", null,
                List.of(), IdempotencyKeys.fresh());
    }

    /** The same form shown again after a refusal, with the same key: a corrected retry is the same request. */
    MatterForm kept() {
        return new MatterForm(title, summary, channel, origin, category, petitioner, prominent, backlog,
                leaderInCharge, firstTime, repeatOfCaseId, whistleblowing, accusedUnitIds,
                IdempotencyKeys.orFresh(idempotencyKey));
    }

    public boolean isProminent() {
        return ticked(prominent);
    }

    public boolean isBacklog() {
        return ticked(backlog);
    }

    public boolean isFirstTime() {
        return ticked(firstTime);
    }

    public boolean isWhistleblowing() {
        return ticked(whistleblowing);
    }

    public boolean accuses(String unitId) {
        return accusedUnitIds.contains(unitId);
    }

    RegisterCaseRequest request(TypedInput input) {
        return new RegisterCaseRequest()
                .title(TypedInput.text(title))
                .summary(TypedInput.text(summary))
                .channel(input.choice("channel", channel, Channel.class))
                .origin(input.choice("origin", origin, Origin.class))
                .category(input.choice("category", category, Category.class))
                .petitioner(new Petitioner().name(TypedInput.text(petitioner.name()))
                        .idNumber(TypedInput.text(petitioner.idNumber())).phone(TypedInput.text(petitioner.phone())))
                .prominent(isProminent())
                .backlog(isBacklog())
                .leaderInCharge(TypedInput.text(leaderInCharge))
                .firstTime(isFirstTime())
                .repeatOfCaseId(TypedInput.text(repeatOfCaseId))
                .whistleblowing(isWhistleblowing())
                .accusedUnitIds(accusedUnitIds);
    }

    private static boolean ticked(String checkbox) {
        return "true".equals(checkbox);
    }
}
