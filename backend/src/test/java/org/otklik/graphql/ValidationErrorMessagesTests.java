package org.otklik.graphql;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** graphql-java's validation messages, as the outside test found them, reach clients without its internals. */
class ValidationErrorMessagesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Validation error (WrongType@[calendarYear]) : argument 'year' with value 'IntValue{value=2147483648}' is not a valid 'Int' - Expected value to be in the integer range, but it was a '2147483648' | Неверное значение аргумента «year» поля calendarYear: ожидается Int; значение 2147483648 вне диапазона Int (от -2147483648 до 2147483647)
			Variable 'y' has an invalid value: Expected a value that can be converted to type 'Int' but it was a 'Double' | Неверное значение переменной «y»: ожидается Int, передано: дробное число
			Validation error (WrongType@[calendarYear]) : argument 'year' with value 'StringValue{value='x'}' is not a valid 'Int' - Expected an AST type of 'IntValue' but it was a 'StringValue' | Неверное значение аргумента «year» поля calendarYear: ожидается Int
			Validation error (WrongType@[slaForecast]) : argument 'channel' with value 'EnumValue{name='NOPE'}' is not a valid 'Channel' - Literal value not in allowable values for enum 'Channel' - 'EnumValue{name='NOPE'}' | Неверное значение аргумента «channel» поля slaForecast: ожидается Channel; такого значения нет в перечислении Channel
			Validation error (WrongType@[regionStats]) : argument 'period' with value 'ObjectValue{objectFields=[ObjectField{name='from', value=IntValue{value=1}}]}' is missing required fields '[kind]' | Неверное значение аргумента «period» поля regionStats: не хватает обязательных полей kind
			Variable 'y' has an invalid value: Expected value to be in the integer range, but it was a '2147483648' | Неверное значение переменной «y»: значение 2147483648 вне диапазона Int (от -2147483648 до 2147483647)
			Some future message quoting 'LinkedHashMap' and IntValue{value=1} | Запрос не соответствует схеме API
			""")
	void messagesNameTheArgumentAndTheSchemaTypeOnly(String original, String expected) {
		GraphQLError error = GraphqlErrorBuilder.newError().errorType(ErrorType.ValidationError).message(original).build();
		GraphQLError rewritten = ValidationErrorMessages.rewrite(error);
		assertThat(rewritten.getMessage()).isEqualTo(expected);
		assertThat(rewritten.getErrorType()).isEqualTo(ErrorType.ValidationError);
		assertThat(ValidationErrorMessages.INTERNALS.matcher(rewritten.getMessage()).find()).isFalse();
	}

}
