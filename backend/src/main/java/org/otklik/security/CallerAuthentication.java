package org.otklik.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated token holder that carries the already-mapped {@link Caller}. */
public class CallerAuthentication extends AbstractAuthenticationToken {

	private final Caller caller;

	private final Jwt jwt;

	public CallerAuthentication(Caller caller, Jwt jwt) {
		super(caller.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
		this.caller = caller;
		this.jwt = jwt;
		setAuthenticated(true);
	}

	public Caller caller() {
		return this.caller;
	}

	public Jwt jwt() {
		return this.jwt;
	}

	@Override
	public Object getCredentials() {
		return this.jwt;
	}

	@Override
	public Object getPrincipal() {
		return this.caller;
	}

	@Override
	public String getName() {
		return this.caller.id();
	}

	static List<String> list(Object value) {
		if (value instanceof List<?> items) {
			return items.stream().map(String::valueOf).toList();
		}
		return List.of();
	}

}
