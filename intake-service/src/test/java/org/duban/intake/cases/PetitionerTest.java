package org.duban.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.duban.intake.cases.PetitionCase.Petitioner;
import org.junit.jupiter.api.Test;

class PetitionerTest {

    @Test
    void printsMaskedSoThatALogLineGivesNobodyAway() {
        // given
        Petitioner petitioner = new Petitioner("张三", "110101199003071234", "13812345678");

        // when
        String printed = petitioner.toString();

        // then
        assertThat(printed).isEqualTo("Petitioner[name=张*, idNumber=1101**********1234, phone=138****5678]");
    }

    @Test
    void masksEveryCharacterOfValuesTooShortToShowAnyOfThem() {
        // given
        Petitioner petitioner = new Petitioner("张", "1234567", "110");

        // when / then
        assertThat(petitioner.toString()).isEqualTo("Petitioner[name=*, idNumber=*******, phone=***]");
    }

    @Test
    void masksLongerNamesLandlinesAndMissingFields() {
        // when / then
        assertThat(new Petitioner("欧阳娜娜", null, "0571-88000000").toString())
                .isEqualTo("Petitioner[name=欧***, idNumber=null, phone=057******0000]");
    }

    @Test
    void aMatterAndARegistrationPrintThePetitionerMasked() {
        // given
        Petitioner petitioner = new Petitioner("李四", "33010219900101123X", "13900001111");
        PetitionCase matter = CaseFixtures.matter("case-1", petitioner);
        RegisterCase details = matter.details();
        RegisterCase registration = new RegisterCase(details.title(), details.summary(), details.channel(),
                details.origin(), details.category(), petitioner, false, false, List.of(), true, false, null, null);

        // when
        List<String> printed = List.of(matter.toString(), registration.toString());

        // then
        assertThat(printed).allSatisfy(text -> assertThat(text).doesNotContain("李四", "33010219900101123X",
                "13900001111").contains("name=李*"));
    }
}
