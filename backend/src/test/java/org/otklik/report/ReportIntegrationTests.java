package org.otklik.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.otklik.support.IntegrationTestSupport;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports over HTTP against the running application: the file holds exactly what the GraphQL API shows the
 * same caller, no more, and every download is in the audit log.
 */
class ReportIntegrationTests extends IntegrationTestSupport {

	static final ZoneId MAGADAN_ZONE = ZoneId.of("Asia/Magadan");

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	static final List<String> APPEAL_HEADERS = List.of("Номер", "Поступило", "Статус", "Канал", "Категория",
			"Муниципалитет", "Срочное", "Ведомство", "Исполнитель", "Автор", "Профиль автора", "Ссылка на публикацию",
			"Текст обращения", "Срок первого ответа", "Первый ответ: состояние", "Первый ответ дан",
			"Срок итогового ответа", "Итоговый ответ: состояние", "Итоговый ответ утверждён", "Закрыто", "Переадресаций",
			"Возвратов на доработку");

	WebTestClient http;

	Instant since;

	@BeforeEach
	void setUp() throws InterruptedException {
		this.http = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(60))
			.build();
		// Appeals of this test only: each test lists what was received after it started.
		Thread.sleep(5);
		this.since = Instant.now();
	}

	@Test
	void xlsxHoldsExactlyTheRowsAndColumnsOfTheAppealsQuery() throws IOException {
		String health = assigned("Нет воды в поликлинике; звоните =1+1", HEALTH, "Анна Петрова");
		assigned("Яма на дороге в Усть-Омчуге", TENKA, "Иван Сидоров");
		ingestAs("Не назначенное обращение", "Ольга Кузнецова");

		List<Map<String, Object>> api = appealsQuery(this.tokens.curator());
		List<Row> rows = sheetRows(download(this.tokens.curator(), "/api/reports/appeals.xlsx?receivedFrom=" + this.since), 0);

		assertThat(rows.get(0).stream().map(cell -> cell.getText()).toList()).isEqualTo(APPEAL_HEADERS);
		assertThat(rows).hasSize(api.size() + 1);
		assertThat(api).hasSize(3);
		for (int i = 0; i < api.size(); i++) {
			Map<String, Object> node = api.get(i);
			Row row = rows.get(i + 1);
			assertThat(row.getCellText(0)).isEqualTo(node.get("id"));
			// A real date in the region's time, not text.
			assertThat(row.getCell(1).getType()).isEqualTo(CellType.NUMBER);
			assertThat(row.getCell(1).getDataFormatString()).isEqualTo("dd.mm.yyyy hh:mm");
			LocalDateTime received = LocalDateTime.ofInstant(Instant.parse((String) node.get("receivedAt")), MAGADAN_ZONE);
			assertThat(Duration.between(row.getCellAsDate(1).orElseThrow(), received).abs()).isLessThan(Duration.ofSeconds(1));
			assertThat(row.getCellText(2)).isEqualTo(Map.of("NEW", "Новое", "ASSIGNED", "Назначено").get(node.get("status")));
			assertThat(row.getCellText(3)).isEqualTo("ВКонтакте");
			assertThat(row.getCellText(7)).isEqualTo(name(node.get("agency")));
			assertThat(row.getCellText(9)).isEqualTo(name(node.get("author")));
			assertThat(row.getCellText(12)).isEqualTo(node.get("text"));
			assertThat(row.getCell(20).getType()).isEqualTo(CellType.NUMBER);
			assertThat(row.getCellAsNumber(20).orElseThrow().intValue()).isEqualTo(node.get("redirectCount"));
		}
		assertThat(rows.stream().skip(1).map(row -> row.getCellText(0))).contains(health);
	}

	@Test
	void headsExportHoldsOnlyTheAgencysAppealsAndNoAuthorNames() throws IOException {
		String own = assigned("Очередь в поликлинике", HEALTH, "Мария Иванова");
		assigned("Не чистят дорогу", TENKA, "Пётр Смирнов");

		byte[] file = download(this.tokens.head(HEALTH), "/api/reports/appeals.xlsx?receivedFrom=" + this.since);
		List<Row> rows = sheetRows(file, 0);

		assertThat(rows).hasSize(2);
		assertThat(rows.get(1).getCellText(0)).isEqualTo(own);
		assertThat(rows.get(1).getCellText(9)).isEmpty();
		assertThat(rows.get(1).getCellText(10)).isEmpty();
		assertThat(rows.stream().flatMap(Row::stream).filter(java.util.Objects::nonNull).map(cell -> cell.getText()))
			.noneMatch(text -> text.contains("Мария") || text.contains("vk.com/id"));
		// The executor of the same agency may see the author, as in the API.
		List<Row> executorRows = sheetRows(download(this.tokens.executor(HEALTH),
				"/api/reports/appeals.xlsx?receivedFrom=" + this.since), 0);
		assertThat(executorRows.get(1).getCellText(9)).isEqualTo("Мария Иванова");
	}

	@Test
	void executorCannotExportAnotherAgency() {
		this.http.get()
			.uri("/api/reports/appeals.xlsx?agencyId=" + agency(TENKA).id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.tokens.executor(HEALTH))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.http.get()
			.uri("/api/reports/region-stats.xlsx?period=DAY")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.tokens.head(HEALTH))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.http.get()
			.uri("/api/reports/agency-stats.csv?period=DAY&agencyId=" + agency(TENKA).id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.tokens.head(HEALTH))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void unauthenticatedIsRefused() {
		this.http.get().uri("/api/reports/appeals.xlsx").exchange().expectStatus().isUnauthorized();
		this.http.get()
			.uri("/api/reports/appeals.csv")
			.header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void badParametersAreRefused() {
		this.http.get()
			.uri("/api/reports/appeals.xlsx?receivedFrom=yesterday")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.tokens.curator())
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.http.get()
			.uri("/api/reports/appeals.xlsx?status=LOST")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.tokens.curator())
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.http.get()
			.uri("/api/reports/appeals.pdf")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.tokens.curator())
			.exchange()
			.expectStatus()
			.isNotFound();
		this.http.get()
			.uri("/api/reports/agency-ranking.xlsx?period=CUSTOM")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.tokens.curator())
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void csvIsUtf8WithBomSemicolonsAndRussianDates() {
		String id = assigned("Текст; с \"кавычками\"", HEALTH, "Анна Петрова");
		String csv = new String(download(this.tokens.curator(), "/api/reports/appeals.csv?receivedFrom=" + this.since),
				StandardCharsets.UTF_8);

		assertThat(csv).startsWith("\uFEFFНомер;Поступило;Статус;");
		String[] lines = csv.split("\r\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[1]).startsWith(id + ";").contains(";\"Текст; с \"\"кавычками\"\"\";")
			.containsPattern(";\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2};Назначено;");
	}

	@Test
	void slaStateFiltersTheList() throws IOException {
		assigned("Свежее обращение", HEALTH, "Анна Петрова");
		// A fresh appeal's deadlines are running, not breached.
		assertThat(sheetRows(download(this.tokens.curator(),
				"/api/reports/appeals.xlsx?slaState=BREACHED&receivedFrom=" + this.since), 0)).hasSize(1);
		assertThat(sheetRows(download(this.tokens.curator(),
				"/api/reports/appeals.xlsx?slaState=ON_TRACK&receivedFrom=" + this.since), 0)).hasSize(2);
	}

	@Test
	void everyExportIsInTheAuditLog() {
		download(this.tokens.head(HEALTH), "/api/reports/appeals.csv?status=NEW&receivedFrom=" + this.since);
		download(this.tokens.head(HEALTH), "/api/reports/agency-stats.xlsx?period=DAY");

		List<Map<String, Object>> entries = curator().document("""
				query ($filter: AuditFilter) { auditLog(filter: $filter, first: 10) {
				  edges { node { action actorId actorRoles detail } } } }""")
			.variable("filter", Map.of("action", "REPORT_EXPORTED", "actorId", "head.minzdrav", "from", this.since.toString()))
			.execute()
			.path("auditLog.edges[*].node")
			.entityList(MAP)
			.get();
		assertThat(entries).hasSize(2);
		assertThat(entries.get(1).get("detail").toString()).startsWith("appeals.csv status=NEW").contains("personalData=none");
		assertThat(entries.get(0).get("detail").toString()).startsWith("agency-stats.xlsx agencyId=" + agency(HEALTH).id());
		assertThat(entries.get(0).get("actorRoles")).isEqualTo(List.of("HEAD"));
	}

	@Test
	void agencyStatsWorkbookHoldsTheFiguresOfAgencyStats() throws IOException {
		assigned("Обращение для показателей", HEALTH, "Анна Петрова");
		Map<String, Object> figures = head(HEALTH).document("""
				query ($agencyId: ID!) { agencyStats(agencyId: $agencyId, period: { kind: DAY }) {
				  figures { received open overdueNow } } }""")
			.variable("agencyId", agency(HEALTH).id())
			.execute()
			.path("agencyStats.figures")
			.entity(MAP)
			.get();
		byte[] file = download(this.tokens.head(HEALTH), "/api/reports/agency-stats.xlsx?period=DAY");
		Map<String, Row> byName = new HashMap<>();
		sheetRows(file, 0).forEach(row -> byName.put(row.getCellText(0), row));
		assertThat(byName.get("Поступило").getCellAsNumber(1).orElseThrow().intValue()).isEqualTo(figures.get("received"));
		assertThat(byName.get("Открыто сейчас").getCellAsNumber(1).orElseThrow().intValue()).isEqualTo(figures.get("open"));
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
			assertThat(workbook.getSheets().map(sheet -> sheet.getName()).toList()).containsExactly("Показатели",
					"По каналам", "По категориям", "По муниципалитетам", "По дням");
		}
		List<Row> ranking = sheetRows(download(this.tokens.executor(HEALTH), "/api/reports/agency-ranking.xlsx?period=DAY"), 0);
		assertThat(ranking.get(0).getCellText(1)).isEqualTo("Ведомство");
		assertThat(ranking.stream().skip(1).map(row -> row.getCellText(1)).toList())
			.contains("Министерство здравоохранения");
	}

	// ---------------------------------------------------------------- helpers

	private String assigned(String text, String agencyCode, String author) {
		String id = ingestAs(text, author);
		curator().documentName("assignAppeal")
			.fragmentName("appealFields")
			.variable("input", Map.of("appealId", id, "agencyId", agency(agencyCode).id()))
			.execute()
			.path("assignAppeal.errors")
			.entityList(Object.class)
			.hasSize(0);
		return id;
	}

	private String ingestAs(String text, String author) {
		return ingest(text, Map.of("authorName", author, "authorProfileUrl", "https://vk.com/id" + uniqueId().substring(0, 8)));
	}

	private List<Map<String, Object>> appealsQuery(String token) {
		return as(token).document("""
				query ($filter: AppealFilter) { appeals(filter: $filter, first: 100) { edges { node {
				  id receivedAt status text redirectCount agency { name } author { name profileUrl } } } } }""")
			.variable("filter", Map.of("receivedFrom", this.since.toString()))
			.execute()
			.path("appeals.edges[*].node")
			.entityList(MAP)
			.get();
	}

	private byte[] download(String token, String uri) {
		return this.http.get()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.OK)
			.expectHeader()
			.valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename.*")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	static List<Row> sheetRows(byte[] file, int sheet) throws IOException {
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file), new ReadingOptions(true, false))) {
			return new ArrayList<>(workbook.getSheet(sheet).orElseThrow().read());
		}
	}

	@SuppressWarnings("unchecked")
	private static String name(Object node) {
		return (node == null) ? "" : (String) ((Map<String, Object>) node).get("name");
	}

}
