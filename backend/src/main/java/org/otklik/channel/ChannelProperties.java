package org.otklik.channel;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the channel connections. The API hosts are settings so that a government network's proxy
 * (and the tests' fake servers) can stand in for them.
 *
 * @param vkApiUrl VK API ({@code OTKLIK_VK_API_URL})
 * @param telegramApiUrl Telegram Bot API ({@code OTKLIK_TELEGRAM_API_URL})
 * @param maxApiUrl MAX Bot API ({@code OTKLIK_MAX_API_URL})
 * @param okApiUrl Odnoklassniki API ({@code OTKLIK_OK_API_URL})
 * @param secretKey base64 of 32 bytes that encrypt tokens and secrets at rest ({@code OTKLIK_CHANNEL_SECRET_KEY})
 * @param publicUrl the address channels reach Otklik at, for the webhook URLs curators paste
 *                  ({@code OTKLIK_PUBLIC_URL})
 * @param vkApiVersion the VK API version requests name
 * @param deliveryEvery how often due deliveries are looked for (they are also tried at once)
 * @param requestTimeout how long a call to a channel may take
 * @param minInterval the least time between two calls to one account (its own rate limit)
 * @param maxAttempts attempts before a delivery is given up as FAILED
 * @param pollWait how long one long-poll request waits for events
 */
@ConfigurationProperties("otklik.channels")
public record ChannelProperties(String vkApiUrl, String telegramApiUrl, String maxApiUrl, String okApiUrl,
		@Nullable String secretKey, @Nullable String publicUrl, String vkApiVersion, Duration deliveryEvery,
		Duration requestTimeout, Duration minInterval, int maxAttempts, Duration pollWait) {

	public ChannelProperties {
		vkApiUrl = orDefault(vkApiUrl, "https://api.vk.ru");
		telegramApiUrl = orDefault(telegramApiUrl, "https://api.telegram.org");
		maxApiUrl = orDefault(maxApiUrl, "https://platform-api2.max.ru");
		okApiUrl = orDefault(okApiUrl, "https://api.ok.ru");
		vkApiVersion = orDefault(vkApiVersion, "5.199");
		deliveryEvery = (deliveryEvery != null) ? deliveryEvery : Duration.ofSeconds(5);
		requestTimeout = (requestTimeout != null) ? requestTimeout : Duration.ofSeconds(15);
		minInterval = (minInterval != null) ? minInterval : Duration.ofMillis(350);
		maxAttempts = (maxAttempts > 0) ? maxAttempts : 12;
		pollWait = (pollWait != null) ? pollWait : Duration.ofSeconds(25);
	}

	private static String orDefault(@Nullable String value, String fallback) {
		return (value == null || value.isBlank()) ? fallback : value.replaceAll("/+$", "");
	}

}
