/**
 * The report writers: columns, Russian labels and the streaming XLSX and CSV encoders.
 */
@NullMarked
package org.otklik.report.internal;

import org.jspecify.annotations.NullMarked;
