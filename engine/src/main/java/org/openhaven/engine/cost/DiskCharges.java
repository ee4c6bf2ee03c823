package org.openhaven.engine.cost;

import java.math.BigDecimal;

/**
 * A provider whose server price excludes the disk (AWS EC2 bills the EBS root volume separately); providers
 * with the disk included do not implement it.
 */
public interface DiskCharges {

    /** The size of the root volume OpenHaven creates, in GB. */
    int rootVolumeGb();

    /** The monthly price of one GB of that volume in {@code region}. */
    BigDecimal diskGbMonthly(String region);
}
