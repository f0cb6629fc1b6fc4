package org.otklik.region;

import java.util.Locale;
import java.util.Optional;

/** The nine municipalities of the Magadan region; appeals and municipal agencies refer to them. */
public enum Municipality {

	MAGADAN("Магаданский городской округ", "Магадан"),
	OLSKY("Ольский муниципальный округ", "Ола"),
	OMSUKCHANSKY("Омсукчанский муниципальный округ", "Омсукчан"),
	SEVERO_EVENSKY("Северо-Эвенский муниципальный округ", "Эвенск"),
	SREDNEKANSKY("Среднеканский муниципальный округ", "Сеймчан"),
	SUSUMANSKY("Сусуманский муниципальный округ", "Сусуман"),
	TENKINSKY("Тенькинский муниципальный округ", "Усть-Омчуг"),
	KHASYNSKY("Хасынский муниципальный округ", "Палатка"),
	YAGODNINSKY("Ягоднинский муниципальный округ", "Ягодное");

	private final String title;

	private final String centre;

	Municipality(String title, String centre) {
		this.title = title;
		this.centre = centre;
	}

	/** Official Russian name. */
	public String title() {
		return this.title;
	}

	/** Administrative centre. */
	public String centre() {
		return this.centre;
	}

	/** Finds a municipality by its Russian name (case-insensitive, the first word is enough). */
	public static Optional<Municipality> fromTitle(String title) {
		if (title == null) {
			return Optional.empty();
		}
		String wanted = title.trim().toLowerCase(Locale.ROOT);
		for (Municipality m : values()) {
			String own = m.title.toLowerCase(Locale.ROOT);
			if (own.equals(wanted) || own.startsWith(wanted.split(" ")[0])) {
				return Optional.of(m);
			}
		}
		return Optional.empty();
	}

}
