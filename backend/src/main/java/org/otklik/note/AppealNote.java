package org.otklik.note;

import java.time.Instant;

import org.otklik.appeal.Person;

import org.springframework.data.annotation.Id;

/**
 * A note a member of staff left on an appeal for colleagues; never shown to citizens or integrators.
 *
 * @param id opaque identifier
 * @param appealId the appeal it is about
 * @param text the note, verbatim
 * @param author who wrote it
 * @param createdAt when it was written
 */
public record AppealNote(@Id String id, String appealId, String text, Person author, Instant createdAt) {
}
