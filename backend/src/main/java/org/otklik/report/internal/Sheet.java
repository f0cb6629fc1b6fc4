package org.otklik.report.internal;

import java.util.List;

import reactor.core.publisher.Flux;

/**
 * One table of a report: a worksheet in XLSX, a section in CSV. Its rows are a stream, written as they come.
 *
 * @param name the worksheet's name (at most 31 characters, Excel's limit)
 * @param columns the columns, in order
 * @param rows the rows
 * @param <T> the row type
 */
public record Sheet<T>(String name, List<Column<T>> columns, Flux<T> rows) {
}
