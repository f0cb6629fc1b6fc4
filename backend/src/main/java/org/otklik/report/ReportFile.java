package org.otklik.report;

import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * A report ready to be sent: its file name and its bytes as a stream that is produced as it is read.
 *
 * @param fileName the name offered to the browser, with extension
 * @param format the format
 * @param body the bytes
 */
public record ReportFile(String fileName, ReportFormat format, Flux<DataBuffer> body) {
}
