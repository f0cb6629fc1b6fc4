package org.otklik.demo;

import java.util.ArrayList;
import java.util.List;

import org.otklik.agency.Agency;
import org.otklik.agency.AgencyKind;
import org.otklik.region.Category;
import org.otklik.region.Municipality;

/** The Magadan region's agencies as loaded into the demo: eight ministries and nine administrations. */
final class DemoAgencies {

	private DemoAgencies() {
	}

	static List<Agency> all() {
		List<Agency> agencies = new ArrayList<>();
		agencies.add(ministry("MINZDRAV", "Министерство здравоохранения Магаданской области", Category.HEALTHCARE));
		agencies.add(ministry("MINOBR", "Министерство образования Магаданской области", Category.EDUCATION));
		agencies.add(ministry("MINZHKH", "Министерство строительства, ЖКХ и энергетики Магаданской области",
				Category.HOUSING_UTILITIES));
		agencies.add(ministry("MINKULT", "Министерство культуры Магаданской области", Category.CULTURE));
		agencies.add(ministry("MINENERGO", "Министерство энергетики и ТЭК Магаданской области", Category.ENERGY));
		agencies.add(ministry("MINTRANS", "Министерство дорожного хозяйства и транспорта Магаданской области",
				Category.ROADS_TRANSPORT));
		agencies.add(ministry("MINSOC", "Министерство социальной защиты населения Магаданской области",
				Category.SOCIAL_PROTECTION));
		agencies.add(ministry("MINPRIRODY", "Министерство природных ресурсов и экологии Магаданской области",
				Category.ENVIRONMENT));
		agencies.add(municipal("MAGADAN", "Мэрия города Магадана", Municipality.MAGADAN));
		agencies.add(municipal("OLA", "Администрация Ольского муниципального округа", Municipality.OLSKY));
		agencies.add(municipal("OMSUKCHAN", "Администрация Омсукчанского муниципального округа", Municipality.OMSUKCHANSKY));
		agencies.add(municipal("SEVERO_EVEN", "Администрация Северо-Эвенского муниципального округа",
				Municipality.SEVERO_EVENSKY));
		agencies.add(municipal("SREDNEKAN", "Администрация Среднеканского муниципального округа",
				Municipality.SREDNEKANSKY));
		agencies.add(municipal("SUSUMAN", "Администрация Сусуманского муниципального округа", Municipality.SUSUMANSKY));
		agencies.add(municipal("TENKA", "Администрация Тенькинского муниципального округа", Municipality.TENKINSKY));
		agencies.add(municipal("KHASYN", "Администрация Хасынского муниципального округа", Municipality.KHASYNSKY));
		agencies.add(municipal("YAGODNOE", "Администрация Ягоднинского муниципального округа", Municipality.YAGODNINSKY));
		// Demo contacts: one reception line per agency, in the format a real one would have.
		List<Agency> withContacts = new ArrayList<>();
		for (int i = 0; i < agencies.size(); i++) {
			Agency a = agencies.get(i);
			withContacts.add(new Agency(a.id(), a.code(), a.name(), a.kind(), a.categories(), a.municipality(), a.active(),
					String.format("+7 (4132) 60-%02d-%02d, приёмная, пн–пт 9:00–17:00 (демо)", 10 + i, 10 + 3 * i)));
		}
		return withContacts;
	}

	private static Agency ministry(String code, String name, Category category) {
		return new Agency(null, code, name, AgencyKind.MINISTRY, List.of(category), null, true);
	}

	private static Agency municipal(String code, String name, Municipality municipality) {
		return new Agency(null, code, name, AgencyKind.MUNICIPALITY,
				List.of(Category.HOUSING_UTILITIES, Category.ROADS_TRANSPORT, Category.OTHER, Category.ENVIRONMENT),
				municipality, true);
	}

}
