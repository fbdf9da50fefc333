package io.guestbench.collector.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The collector's own price file ({@code prices.file}): the imported prices, small JSON, written
 * whole and atomically (temporary file, fsync, rename, fsync of the directory) so a reader sees the
 * old table or the new one, never half of one.
 */
public final class PriceFile {
  static final String FORMAT = "guestbench-prices-v1";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;

  public PriceFile(Path file) {
    this.file = file;
  }

  public Path path() {
    return file;
  }

  /**
   * The table in use: the built-in defaults overlaid with this file's prices, or the defaults alone
   * when the file does not exist.
   *
   * @throws PriceDataException when the file exists but cannot be read or is not a price file
   */
  public PriceTable tableInUse() throws PriceDataException {
    Optional<PriceTable> imported = read();
    return imported.map(t -> PriceTable.builtIn().overlaidWith(t)).orElseGet(PriceTable::builtIn);
  }

  /** This file's prices, empty when it does not exist. */
  public Optional<PriceTable> read() throws PriceDataException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (JsonProcessingException e) {
      throw new PriceDataException(file + ": " + Json.describe(e), e);
    } catch (IOException e) {
      throw new PriceDataException(file + ": cannot read (" + e + ")", e);
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new PriceDataException(
          file + ": not a guestbench price file (no \"format\": " + FORMAT + ")");
    }
    List<Price> prices = new ArrayList<>();
    JsonNode list = root.path("prices");
    for (int i = 0; i < list.size(); i++) {
      prices.add(price(list.get(i), "prices[" + i + "]"));
    }
    return Optional.of(PriceTable.of("prices file " + file, prices));
  }

  /** Replaces the file with {@code prices}, atomically; the parent directory is created. */
  public void write(List<Price> prices) throws IOException {
    ObjectNode root = JSON.createObjectNode().put("format", FORMAT);
    ArrayNode list = root.putArray("prices");
    prices.forEach(p -> list.add(node(p)));
    byte[] bytes = JSON.writeValueAsBytes(root);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
        d.force(true); // the rename itself survives a crash
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static ObjectNode node(Price p) {
    ObjectNode n =
        JSON.createObjectNode()
            .put("instance_type", p.instanceType())
            .put("region", p.region())
            .put("dollars_per_hour", p.dollarsPerHour().toPlainString())
            .put("as_of", p.asOf())
            .put("source", p.source());
    p.ebsOptimizedSurcharge().ifPresent(s -> n.put("ebs_optimized_surcharge", s.toPlainString()));
    return n;
  }

  private Price price(JsonNode n, String where) throws PriceDataException {
    try {
      Optional<BigDecimal> ebs =
          n.hasNonNull("ebs_optimized_surcharge")
              ? Optional.of(new BigDecimal(n.get("ebs_optimized_surcharge").asText()))
              : Optional.empty();
      return new Price(
          text(n, "instance_type", where),
          text(n, "region", where),
          new BigDecimal(text(n, "dollars_per_hour", where)),
          text(n, "as_of", where),
          text(n, "source", where),
          ebs);
    } catch (IllegalArgumentException e) { // NumberFormatException included
      throw new PriceDataException(file + ": " + where + ": " + e.getMessage(), e);
    }
  }

  private String text(JsonNode n, String key, String where) throws PriceDataException {
    if (!n.hasNonNull(key)) {
      throw new PriceDataException(file + ": " + where + "." + key + " is missing");
    }
    return n.get(key).asText();
  }
}
