package org.openhaven.desktop.companion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openhaven.desktop.companion.ClosePolicy.Decision;
import org.openhaven.desktop.companion.ClosePolicy.WindowState;

class ClosePolicyTest {

    private static WindowState state(boolean tray, boolean dashboard, boolean untouched, boolean work,
                                     boolean dialog) {
        return new WindowState(tray, dashboard, untouched, work, dialog);
    }

    @Test
    void theDashboardAtRestEndsTheWindowProcessAndLeavesTheTray() {
        assertThat(ClosePolicy.onClose(state(true, true, false, false, false))).isEqualTo(Decision.EXIT);
    }

    @Test
    void theWizardsUntouchedFirstPageEndsTheWindowProcess() {
        assertThat(ClosePolicy.onClose(state(true, false, true, false, false))).isEqualTo(Decision.EXIT);
    }

    @Test
    void aWizardWithAnswersHidesSoNothingTypedIsLost() {
        assertThat(ClosePolicy.onClose(state(true, false, false, false, false))).isEqualTo(Decision.HIDE);
    }

    @Test
    void runningWorkOrAnOpenDialogHides() {
        assertThat(ClosePolicy.onClose(state(true, true, false, true, false))).isEqualTo(Decision.HIDE);
        assertThat(ClosePolicy.onClose(state(true, true, false, false, true))).isEqualTo(Decision.HIDE);
        assertThat(ClosePolicy.onClose(state(true, false, true, true, false))).isEqualTo(Decision.HIDE);
    }

    @Test
    void withoutATrayClosingQuitsAsOnADesktopWithoutOne() {
        assertThat(ClosePolicy.onClose(state(false, false, false, true, true))).isEqualTo(Decision.EXIT);
    }

    @Test
    void aHiddenWindowEndsOnceItCameToRestButNeverWithoutATray() {
        assertThat(ClosePolicy.exitWhileHidden(state(true, true, false, false, false))).isTrue();
        assertThat(ClosePolicy.exitWhileHidden(state(true, true, false, true, false))).isFalse();
        assertThat(ClosePolicy.exitWhileHidden(state(true, false, false, false, false))).isFalse();
        assertThat(ClosePolicy.exitWhileHidden(state(false, true, false, false, false))).isFalse();
    }
}
