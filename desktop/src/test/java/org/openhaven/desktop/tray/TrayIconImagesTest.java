package org.openhaven.desktop.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class TrayIconImagesTest {

    @Test
    void eachStatusGetsItsCommittedIconAtTheNextRenderedSizeUp() {
        for (TrayStatus status : TrayStatus.values()) {
            assertThat(TrayIconImages.forStatus(status, 20)).isInstanceOfSatisfying(BufferedImage.class,
                    image -> assertThat(image.getWidth()).isEqualTo(22));
        }
        assertThat(TrayIconImages.forStatus(TrayStatus.OK, 16))
                .isNotSameAs(TrayIconImages.forStatus(TrayStatus.DOWN, 16))
                .isSameAs(TrayIconImages.forStatus(TrayStatus.OK, 16));
    }
}
