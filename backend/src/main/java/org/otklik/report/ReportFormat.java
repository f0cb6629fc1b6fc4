package org.otklik.report;

import java.util.Locale;
import java.util.Optional;

import org.springframework.http.MediaType;

/** The file formats a report is downloaded in; the extension in the URL picks one. */
public enum ReportFormat {

	/** Office Open XML workbook: real dates and number formats, one worksheet per table. */
	XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
	/** Semicolon-separated UTF-8 text with a byte-order mark, as Russian Excel opens it. */
	CSV("csv", MediaType.parseMediaType("text/csv;charset=UTF-8"));

	private final String extension;

	private final MediaType mediaType;

	ReportFormat(String extension, MediaType mediaType) {
		this.extension = extension;
		this.mediaType = mediaType;
	}

	public String extension() {
		return this.extension;
	}

	public MediaType mediaType() {
		return this.mediaType;
	}

	public static Optional<ReportFormat> fromExtension(String extension) {
		for (ReportFormat format : values()) {
			if (format.extension.equals(extension.toLowerCase(Locale.ROOT))) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

}
