package org.otklik.web;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webflux.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Adds a Russian {@code message} to the JSON body of errors outside GraphQL (an unknown URL, a wrong method),
 * so a citizen-facing installation never answers in Boot's English; the HTML pages are {@code static/error/*.html}.
 * The reason phrase in {@code error} stays English, as clients may compare it.
 */
@Component
public class RussianErrorAttributes extends DefaultErrorAttributes {

	@Override
	public Map<String, Object> getErrorAttributes(ServerRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		Object status = attributes.get("status");
		attributes.put("message", message((status instanceof Integer code) ? code : 500));
		return attributes;
	}

	static String message(int status) {
		return switch (status) {
			case 400 -> "Неверный запрос.";
			case 401 -> "Нужно войти в систему.";
			case 403 -> "Недостаточно прав.";
			case 404 -> "Страница не найдена. Проверьте адрес или откройте главную страницу «Отклика».";
			case 405 -> "Этот метод запроса здесь не поддерживается.";
			case 413 -> "Запрос слишком большой.";
			case 429 -> "Слишком много запросов: повторите чуть позже.";
			default -> (status >= 500) ? "Сбой на сервере. Повторите позже." : "Запрос не выполнен.";
		};
	}

}
