package io.guestbench.collector.report;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The ways an answer is written out. */
public enum AnswerFormat {
  MARKDOWN("md", AnswerMarkdown::render),
  JSON("json", AnswerJson::render),
  CSV("csv", AnswerCsv::render),
  HTML("html", AnswerHtml::render);

  private final String name;
  private final Function<Answer, String> renderer;

  AnswerFormat(String name, Function<Answer, String> renderer) {
    this.name = name;
    this.renderer = renderer;
  }

  /** The format called {@code name} (md, json, csv, html), or empty. */
  public static Optional<AnswerFormat> named(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (AnswerFormat f : values()) {
      if (f.name.equals(wanted) || (f == MARKDOWN && wanted.equals("markdown"))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  public String render(Answer answer) {
    return renderer.apply(answer);
  }
}
