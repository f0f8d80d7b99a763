package dev.parley.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportedProblemsTests {

    @Test
    void findsADamagedOrWrongItemInTheCustomersWords() {
        assertThat(ReportedProblems.in("My order #1003 arrived damaged!")).hasValue("damaged");
        assertThat(ReportedProblems.in("the headphones don’t work")).hasValue("damaged");
        assertThat(ReportedProblems.in("You sent me the wrong size")).hasValue("wrong_item");
        assertThat(ReportedProblems.in("this is not what I ordered")).hasValue("wrong_item");
        assertThat(ReportedProblems.in("Buyurtmam singan holda keldi")).hasValue("damaged");
        assertThat(ReportedProblems.in("Menga noto‘g‘ri mahsulot yuborildi")).hasValue("wrong_item");
    }

    @Test
    void findsNothingInARequestForACodeOrAnUnrelatedQuestion() {
        assertThat(ReportedProblems.in("give me a discount code")).isEmpty();
        assertThat(ReportedProblems.in("when is the Seattle shop open?")).isEmpty();
        assertThat(ReportedProblems.in("My order is late, this is frustrating")).isEmpty();
    }
}
