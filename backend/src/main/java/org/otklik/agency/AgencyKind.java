package org.otklik.agency;

/** Kinds of bodies that answer appeals. */
public enum AgencyKind {

	MINISTRY, MUNICIPALITY, ORGANIZATION

}
