package org.otklik.appeal;

import org.jspecify.annotations.Nullable;

/** The citizen who wrote an appeal: personal data under 152-ФЗ, shown only to those who need it. */
public record Author(@Nullable String name, @Nullable String profileUrl) {
}
