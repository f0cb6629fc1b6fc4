package org.otklik.appeal;

/** How many people saw and reacted to the original post; it helps curators spot loud problems. */
public record Reach(int views, int likes, int comments) {

	public static final Reach NONE = new Reach(0, 0, 0);

}
