package org.otklik.appeal;

/** Source channels of appeals. */
public enum Channel {

	VK, TELEGRAM, OK, MAX, GOSUSLUGI, EMAIL, PHONE, OTHER;

	/** Public social-media channels, where the answer is a public reply under the post. */
	public boolean isSocial() {
		return this == VK || this == TELEGRAM || this == OK || this == MAX;
	}

}
