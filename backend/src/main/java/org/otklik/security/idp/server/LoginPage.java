package org.otklik.security.idp.server;

import org.otklik.security.Role;
import org.otklik.security.idp.server.DemoDirectory.DemoUser;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * The embedded provider's login page in Russian. It lists the demo accounts first, compactly, so that on a phone
 * they are on the first screen, each with a one-click sign-in button (a few lines of script fill in the form;
 * without script, type them); the form for one's own account follows.
 */
final class LoginPage {

	private final String demoPassword;

	LoginPage(String demoPassword) {
		this.demoPassword = demoPassword;
	}

	ServerResponse render(ServerRequest request) {
		CsrfToken csrf = (CsrfToken) request.servletRequest().getAttribute(CsrfToken.class.getName());
		String action = htmlEscape(request.servletRequest().getContextPath() + "/login");
		String csrfField = (csrf != null) ? "<input type=\"hidden\" name=\"" + htmlEscape(csrf.getParameterName())
				+ "\" value=\"" + htmlEscape(csrf.getToken()) + "\">" : "";
		StringBuilder html = new StringBuilder(4096);
		html.append("""
				<!doctype html>
				<html lang="ru">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>Вход — Отклик</title>
				<style>
				body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f3f5f8;color:#1b1f24}
				main{max-width:34rem;margin:1rem auto;padding:1rem 1.25rem;background:#fff;border-radius:.75rem;box-shadow:0 1px 4px #0002}
				h1{font-size:1.5rem;margin-top:0} h2{font-size:1.1rem;margin-top:1.25rem}
				label{display:block;margin:.75rem 0 .25rem;font-weight:600}
				input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #8a94a3;border-radius:.4rem}
				button{margin-top:1rem;padding:.6rem 1.2rem;font-size:1rem;border:0;border-radius:.4rem;background:#0b57d0;color:#fff;cursor:pointer}
				button:focus-visible,input:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
				.alert{padding:.75rem;border-radius:.4rem;background:#fde7e9;color:#8a1020}
				.note{padding:.75rem;border-radius:.4rem;background:#fff4d6;color:#5c4300;font-size:.9rem}
				ul{list-style:none;padding:0} ul{margin:.5rem 0} li{display:flex;justify-content:space-between;align-items:center;gap:1rem;padding:.3rem 0;border-top:1px solid #e3e7ed;line-height:1.25}
				li form button{margin:0;background:#e8eefb;color:#0b3d91} small{color:#4a5462}
				</style>
				</head>
				<body>
				<main>
				<h1>Вход в «Отклик»</h1>
				""");
		if (request.param("error").isPresent()) {
			html.append("<p class=\"alert\" role=\"alert\">Неверное имя пользователя или пароль.</p>\n");
		}
		if (request.param("logout").isPresent()) {
			html.append("<p class=\"note\" role=\"status\">Вы вышли из системы.</p>\n");
		}
		html.append("<h2 id=\"demo\">Демонстрационные учётные записи</h2>\n")
			.append("<p class=\"note\">Встроенный вход только для демонстрации: у всех записей пароль «")
			.append(htmlEscape(this.demoPassword))
			.append("». В рабочей установке вход выполняется через Keycloak.</p>\n<ul aria-labelledby=\"demo\">\n");
		for (DemoUser user : DemoDirectory.USERS) {
			html.append("<li><span><strong>")
				.append(htmlEscape(user.username()))
				.append("</strong><br><small>")
				.append(htmlEscape(roleName(user.role())));
			if (user.agencyName() != null) {
				html.append(" · ").append(htmlEscape(user.agencyName()));
			}
			// A plain button that fills in the one login form: extra inputs named username or password would
			// make the form ambiguous for password managers and for tests that look fields up by name.
			html.append("</small></span>\n<button type=\"button\" class=\"demo\" data-username=\"")
				.append(htmlEscape(user.username()))
				.append("\" aria-label=\"Войти как ")
				.append(htmlEscape(user.username()))
				.append("\">Войти</button></li>\n");
		}
		html.append("</ul>\n");
		html.append("<h2 id=\"own\">Своя учётная запись</h2>\n<form id=\"login\" method=\"post\" action=\"").append(action).append("\">\n")
			.append("<label for=\"username\">Имя пользователя</label>\n")
			.append("<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" required>\n")
			.append("<label for=\"password\">Пароль</label>\n")
			.append("<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required>\n")
			.append(csrfField)
			.append("\n<button type=\"submit\">Войти</button>\n</form>\n");
		html.append("<script>\n")
			.append("document.querySelectorAll('button.demo').forEach(function (button) {\n")
			.append("  button.addEventListener('click', function () {\n")
			.append("    document.getElementById('username').value = button.dataset.username;\n")
			.append("    document.getElementById('password').value = ")
			.append(jsString(this.demoPassword))
			.append(";\n    document.getElementById('login').submit();\n  });\n});\n</script>\n");
		html.append("</main>\n</body>\n</html>\n");
		return ServerResponse.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.header("Cache-Control", "no-store")
			.body(html.toString());
	}

	/** A JavaScript string literal that is also safe inside an HTML script element. */
	private static String jsString(String value) {
		StringBuilder literal = new StringBuilder("'");
		for (char c : value.toCharArray()) {
			if (Character.isLetterOrDigit(c) && c < 128) {
				literal.append(c);
			}
			else {
				literal.append(String.format("\\u%04x", (int) c));
			}
		}
		return literal.append('\'').toString();
	}

	private static String roleName(Role role) {
		return switch (role) {
			case CURATOR -> "Куратор ЦУР";
			case HEAD -> "Руководитель ведомства";
			case EXECUTOR -> "Исполнитель";
			case INTEGRATOR -> "Интеграция";
		};
	}

}
