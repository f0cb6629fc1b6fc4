/**
 * Reports: appeal lists and figures as XLSX or CSV files, streamed over HTTP with the API's bearer token.
 */
@NullMarked
package org.otklik.report;

import org.jspecify.annotations.NullMarked;
