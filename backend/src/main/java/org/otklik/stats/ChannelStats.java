package org.otklik.stats;

import org.otklik.appeal.Channel;

/** Figures of one source channel, for the breakdown of an agency's or the region's appeals. */
public record ChannelStats(Channel channel, int received, int answered, int overdueNow) {
}
