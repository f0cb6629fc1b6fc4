/**
 * Who read personal data and who changed what, recorded from the event stream.
 */
@NullMarked
package org.otklik.audit;

import org.jspecify.annotations.NullMarked;
