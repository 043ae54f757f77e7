package dev.calque.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A browser on a server with a token: sent to the sign-in form, signed in by a cookie, never by a foreign page. */
class BrowserSignInTest {
    static CalqueServer server;
    static URI base;

    @BeforeAll
    static void start() throws Exception {
        server = ServerFixture.start(ServerOptions.defaults().withToken("s3cret-t0ken"), ServerFixture.service(1, 2, Duration.ofSeconds(60)));
        base = server.uri();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return ServerFixture.HTTP.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> signIn(String token, String next) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.form("token", token, "next", next))));
    }

    static String cookie(HttpResponse<String> signedIn) {
        return signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    @Test
    void aPageOpenedWithoutTheTokenGoesToTheFormAndAnApiCallGets401() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve("/review/")).header("Accept", "text/html,*/*").GET());
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/login?next=%2Freview%2F");
        HttpResponse<String> form = send(HttpRequest.newBuilder(base.resolve("/login?next=%2Freview%2F")).GET());
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        assertThat(form.body()).contains("type=\"password\"", "value=\"/review/\"").doesNotContain("s3cret");
        assertThat(send(HttpRequest.newBuilder(base.resolve("/api/rules")).GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void theRightTokenGivesAnHttpOnlyStrictCookieThatOpensTheApi() throws Exception {
        assertThat(signIn("wrong", "/review/").statusCode()).isEqualTo(401);
        HttpResponse<String> ok = signIn("s3cret-t0ken", "/review/");
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).hasValue("/review/");
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(BrowserSessions.COOKIE + "=").contains("HttpOnly", "SameSite=Strict", "Path=/")
                .doesNotContain("s3cret");
        String cookie = cookie(ok);
        assertThat(send(HttpRequest.newBuilder(base.resolve("/api/rules")).header("Cookie", cookie).GET()).statusCode()).isEqualTo(200);
        String body = "{\"text\":\"Vladimir Poutine swept to AFP.\"}";
        HttpResponse<String> own = send(HttpRequest.newBuilder(base.resolve("/api/check")).header("Cookie", cookie)
                .header("Origin", "http://" + base.getAuthority()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(own.statusCode()).isEqualTo(200);
        HttpResponse<String> foreign = send(HttpRequest.newBuilder(base.resolve("/api/check")).header("Cookie", cookie)
                .header("Origin", "https://evil.example").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(foreign.statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(base.resolve("/api/rules")).header("Cookie", BrowserSessions.COOKIE + "=forged").GET())
                .statusCode()).isEqualTo(401);
    }

    @Test
    void theFormSendsBackOnlyToAPathOfThisServer() throws Exception {
        for (String next : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example", "/a\r\nSet-Cookie: x=1"}) {
            HttpResponse<String> ok = signIn("s3cret-t0ken", next);
            assertThat(ok.headers().firstValue("Location")).as(next).hasValue("/review/");
        }
        assertThat(signIn("s3cret-t0ken", "/review/#a").headers().firstValue("Location")).hasValue("/review/#a");
    }
}
