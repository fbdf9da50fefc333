package io.guestbench.collector.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenTableTest {
  private final List<String> problems = new ArrayList<>();

  @Test
  void aTokenAllowsTheIdsItIsListedFor() {
    TokenTable table =
        TokenTable.parse(
            """
            # fleet tokens
            agent-a  0123456789abcdef-a
            agent-b  0123456789abcdef-b

            *        0123456789abcdef-any
            """,
            problems);
    assertThat(problems).isEmpty();
    assertThat(table.size()).isEqualTo(3);
    assertThat(table.identify("0123456789abcdef-a").orElseThrow().permits("agent-a")).isTrue();
    assertThat(table.identify("0123456789abcdef-a").orElseThrow().permits("agent-b")).isFalse();
    assertThat(table.identify("0123456789abcdef-any").orElseThrow().permits("whoever")).isTrue();
    assertThat(table.identify("0123456789abcdef-c")).isEmpty();
  }

  @Test
  void problemsNameTheLineButNeverTheToken() {
    TokenTable.parse(
        """
        agent-a tiny1
        agent b 0123456789abcdef-x
        agent-c 0123456789abcdef-ok
        """,
        problems);
    assertThat(problems)
        .containsExactly(
            "line 1: token too short or not printable ASCII (expected: at least 16 printable ASCII"
                + " characters)",
            "line 2 (expected: AGENT_ID TOKEN, AGENT_ID being * or 1-64 of A-Z a-z 0-9 . _ -)");
    assertThat(String.join("\n", problems)).doesNotContain("tiny1").doesNotContain("abcdef");
  }

  @Test
  void anEmptyFileIsAProblem() {
    TokenTable.parse("# nothing yet\n", problems);
    assertThat(problems).containsExactly("no tokens (expected: lines of AGENT_ID TOKEN)");
  }

  @Test
  void neitherToStringNorTheIdentityShowsATokens() {
    TokenTable table = TokenTable.parse("agent-a 0123456789abcdef-secret\n", problems);
    assertThat(table.toString()).isEqualTo("TokenTable[1 tokens]");
    assertThat(table.identify("0123456789abcdef-secret").orElseThrow().describe())
        .isEqualTo("token for agent-a");
  }
}
