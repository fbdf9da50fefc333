package io.guestbench.collector.cost;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an AWS Price List bulk offer file (hundreds of megabytes) as a stream: one product or one
 * SKU's terms at a time is held as a tree, never the whole file. Only the products {@link
 * OfferProduct} keeps and their on-demand terms are remembered.
 */
public final class OfferFileReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_REGIONS_NAMED = 12;

  private final String region;
  private final OfferProduct filter;

  public OfferFileReader(String region) {
    this.region = region;
    this.filter = new OfferProduct(region);
  }

  /**
   * The prices for this reader's region in {@code file}.
   *
   * @throws PriceDataException with one line saying what is missing or malformed
   */
  public OfferFile read(Path file) throws PriceDataException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (PriceDataException e) {
      throw new PriceDataException(file + ": " + e.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new PriceDataException(file + ": " + Json.describe(e), e);
    } catch (NoSuchFileException e) {
      throw new PriceDataException(file + ": no such file", e);
    } catch (IOException e) {
      throw new PriceDataException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  OfferFile read(InputStream in) throws IOException, PriceDataException {
    Pass pass = new Pass();
    try (JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new PriceDataException("not an AWS offer file (expected a JSON object)");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        pass.field(field, p);
      }
      if (p.nextToken() != null) {
        throw new PriceDataException("content after the end of the JSON document");
      }
    }
    return pass.result();
  }

  /** What one reading of a file has found so far. */
  private final class Pass {
    private final Map<String, String> typeBySku = new HashMap<>();
    private final Map<String, OnDemandTerm> termBySku = new HashMap<>();
    private final Set<String> regionsSeen = new TreeSet<>();
    private String publicationDate;
    private String version = "unknown";
    private boolean productsSeen;
    private boolean onDemandSeen;
    private int leftOut;

    void field(String field, JsonParser p) throws IOException, PriceDataException {
      switch (field) {
        case "publicationDate" -> publicationDate = p.getValueAsString();
        case "version" -> version = p.getValueAsString("unknown");
        case "products" -> products(p);
        case "terms" -> terms(p);
        default -> p.skipChildren();
      }
    }

    private void products(JsonParser p) throws IOException, PriceDataException {
      expectObject(p, "products");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String sku = p.currentName();
        p.nextToken();
        JsonNode product = p.readValueAsTree();
        Optional<String> type = product == null ? Optional.empty() : filter.instanceType(product);
        if (type.isPresent()) {
          typeBySku.put(sku, type.get());
        } else {
          leftOut++;
          if (product != null && regionsSeen.size() < MAX_REGIONS_NAMED) {
            regionsSeen.add(OfferProduct.regionOf(product));
          }
        }
      }
      productsSeen = true;
    }

    private void terms(JsonParser p) throws IOException, PriceDataException {
      expectObject(p, "terms");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String kind = p.currentName();
        p.nextToken();
        if (kind.equals("OnDemand")) {
          onDemand(p);
        } else {
          p.skipChildren(); // Reserved and the rest: not on-demand hourly prices
        }
      }
    }

    private void onDemand(JsonParser p) throws IOException, PriceDataException {
      expectObject(p, "terms.OnDemand");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String sku = p.currentName();
        p.nextToken();
        // Files list products first; if one does not, every SKU's price is kept until they come.
        if (productsSeen && !typeBySku.containsKey(sku)) {
          p.skipChildren();
          continue;
        }
        JsonNode offers = p.readValueAsTree();
        if (offers != null) {
          OnDemandTerm.of(sku, offers).ifPresent(t -> termBySku.put(sku, t));
        }
      }
      onDemandSeen = true;
    }

    OfferFile result() throws PriceDataException {
      if (!productsSeen) {
        throw new PriceDataException("no \"products\" object: not an AWS offer file");
      }
      if (!onDemandSeen) {
        throw new PriceDataException("no \"terms.OnDemand\" object: not an AWS offer file");
      }
      if (publicationDate == null || !publicationDate.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
        throw new PriceDataException("no \"publicationDate\" (expected: 2024-05-09T21:15:17Z)");
      }
      return new OfferPrices(region, publicationDate, version)
          .join(typeBySku, termBySku, leftOut, regionsSeen);
    }
  }

  private static void expectObject(JsonParser p, String what) throws PriceDataException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new PriceDataException(
          "\"" + what + "\" is " + p.currentToken() + " (expected: a JSON object)");
    }
  }
}
