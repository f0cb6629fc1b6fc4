package org.otklik.appeal;

/** The citizen who wrote an appeal: personal data under 152-ФЗ, shown only to those who need it. */
public record Author(String name, String profileUrl) {
}
