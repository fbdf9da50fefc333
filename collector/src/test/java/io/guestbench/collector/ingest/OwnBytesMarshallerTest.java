package io.guestbench.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.guestbench.proto.v1.AgentMessageView;
import io.guestbench.proto.v1.BatchView;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class OwnBytesMarshallerTest {
  private final OwnBytesMarshaller marshaller = new OwnBytesMarshaller();

  @Test
  void readsBackWhatItWritesWithEveryResultAsSent() {
    AgentMessageView sent =
        AgentMessageView.newBuilder()
            .setBatch(
                BatchView.newBuilder()
                    .setSeq(7)
                    .addResults(ByteString.copyFromUtf8("first"))
                    .addResults(ByteString.copyFrom(new byte[] {0, 1, 2, (byte) 0xff})))
            .build();

    AgentMessageView read = marshaller.parse(marshaller.stream(sent));

    assertThat(read).isEqualTo(sent);
    assertThat(read.getBatch().getResults(1).toByteArray()).containsExactly(0, 1, 2, 0xff);
  }

  @Test
  void badBytesFailTheCallAsGrpcsOwnMarshallerDoes() {
    byte[] truncated = {0x12, 0x10, 0x08}; // field 2 (batch), 16 bytes announced, 1 present

    assertThatThrownBy(() -> marshaller.parse(new ByteArrayInputStream(truncated)))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL));
  }
}
