package org.otklik.citizen;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the citizen's page.
 *
 * @param publicUrl the address citizens reach Otklik at ({@code OTKLIK_PUBLIC_URL}); without it links are
 *                  still issued (curators see their path) but not added to the answers sent through channels
 * @param viewsPerMinute page views one client address may make per minute (guessed links included)
 * @param missesPerMinute unknown links one client address may try per minute before it is refused
 * @param ratingsPerMinute rating posts one client address may make per minute
 * @param changeWindow how long after the first rating a citizen may change it
 * @param commentMax the longest comment, in characters
 */
@ConfigurationProperties("otklik.citizen")
public record CitizenProperties(@Nullable String publicUrl, int viewsPerMinute, int missesPerMinute,
		int ratingsPerMinute, Duration changeWindow, int commentMax) {

	public CitizenProperties {
		viewsPerMinute = (viewsPerMinute > 0) ? viewsPerMinute : 60;
		missesPerMinute = (missesPerMinute > 0) ? missesPerMinute : 10;
		ratingsPerMinute = (ratingsPerMinute > 0) ? ratingsPerMinute : 10;
		changeWindow = (changeWindow != null) ? changeWindow : Duration.ofDays(7);
		commentMax = (commentMax > 0) ? commentMax : 1000;
	}

	/** The public address without a trailing slash, or null when none is configured. */
	public @Nullable String base() {
		return (this.publicUrl == null || this.publicUrl.isBlank()) ? null : this.publicUrl.trim().replaceAll("/+$", "");
	}

}
