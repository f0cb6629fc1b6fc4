package org.otklik.region;

/** Subject areas of appeals; each matches the sector of the agency that must act first. */
public enum Category {

	HEALTHCARE, EDUCATION, HOUSING_UTILITIES, CULTURE, ENERGY, ROADS_TRANSPORT, SOCIAL_PROTECTION, ENVIRONMENT,
	OTHER

}
