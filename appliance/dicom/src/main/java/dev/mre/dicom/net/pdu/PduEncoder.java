// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.pdu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes PDU records as bytes (layouts in each record's Javadoc). Stateless. */
public final class PduEncoder {

  private PduEncoder() {}

  public static byte[] encode(Pdu pdu) {
    Out body = new Out();
    if (pdu instanceof AAssociateRq rq) {
      associate(body, rq.protocolVersion(), rq.calledAe(), rq.callingAe(),
          rq.applicationContext(), rq.presentationContexts(), 0x20, rq.userInformation());
    } else if (pdu instanceof AAssociateAc ac) {
      associate(body, ac.protocolVersion(), ac.calledAe(), ac.callingAe(),
          ac.applicationContext(), ac.presentationContexts(), 0x21, ac.userInformation());
    } else if (pdu instanceof AAssociateRj rj) {
      body.u8(0).u8(rj.result()).u8(rj.source()).u8(rj.reason());
    } else if (pdu instanceof PDataTf p) {
      for (Pdv pdv : p.pdvs()) {
        body.u32(pdv.fragment().length + 2L).u8(pdv.presentationContextId()).u8(pdv.messageControlHeader());
        body.writeBytes(pdv.fragment());
      }
    } else if (pdu instanceof AAbort a) {
      body.u8(0).u8(0).u8(a.source()).u8(a.reason());
    } else {
      body.u32(0); // A-RELEASE-RQ, A-RELEASE-RP: 4 reserved bytes
    }
    Out out = new Out();
    out.u8(pdu.type()).u8(0).u32(body.size());
    body.writeTo(out);
    return out.toByteArray();
  }

  /**
   * The 12 bytes that precede a PDV fragment of {@code len} bytes in a P-DATA-TF PDU carrying
   * that one PDV: PDU type and length, PDV item length, presentation context ID, message control
   * header. The fragment itself follows on the wire unchanged.
   */
  public static byte[] pDataHeader(int pcid, int mch, int len) {
    byte[] b = new byte[Pdu.HEADER_LENGTH + 6];
    b[0] = Pdu.P_DATA_TF;
    putInt(b, 2, len + 6);
    putInt(b, 6, len + 2);
    b[10] = (byte) pcid;
    b[11] = (byte) mch;
    return b;
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  private static void associate(Out b, int version, String called, String calling, String appContext,
                                java.util.List<PresentationContextItem> pcs, int pcType, UserInformation ui) {
    b.u16(version).u16(0).ae(called).ae(calling).writeBytes(new byte[32]);
    b.item(0x10, ascii(appContext));
    for (PresentationContextItem pc : pcs) {
      Out v = new Out();
      v.u8(pc.id()).u8(0).u8(pcType == 0x20 ? 0 : pc.result()).u8(0);
      if (pcType == 0x20) {
        v.item(0x30, ascii(pc.abstractSyntax()));
      }
      for (String ts : pc.transferSyntaxes()) {
        v.item(0x40, ascii(ts));
      }
      b.item(pcType, v.toByteArray());
    }
    Out u = new Out();
    u.item(0x51, new Out().u32(ui.maxPduLength()).toByteArray());
    u.item(0x52, ascii(ui.implementationClassUid()));
    if (ui.maxOpsInvoked() != null) {
      u.item(0x53, new Out().u16(ui.maxOpsInvoked()).u16(ui.maxOpsPerformed()).toByteArray());
    }
    for (RoleSelection r : ui.roleSelections()) {
      byte[] uid = ascii(r.sopClassUid());
      Out v = new Out().u16(uid.length);
      v.writeBytes(uid);
      u.item(0x54, v.u8(r.scuRole() ? 1 : 0).u8(r.scpRole() ? 1 : 0).toByteArray());
    }
    if (ui.implementationVersionName() != null) {
      u.item(0x55, ascii(ui.implementationVersionName()));
    }
    b.item(0x50, u.toByteArray());
  }

  private static byte[] ascii(String s) {
    return s == null ? new byte[0] : s.getBytes(StandardCharsets.US_ASCII);
  }

  /** A byte sink with big-endian helpers. */
  private static final class Out extends ByteArrayOutputStream {
    Out u8(int v) {
      write(v);
      return this;
    }

    Out u16(int v) {
      return u8(v >>> 8).u8(v);
    }

    Out u32(long v) {
      return u16((int) (v >>> 16) & 0xFFFF).u16((int) v & 0xFFFF);
    }

    Out ae(String ae) {
      byte[] f = new byte[16];
      java.util.Arrays.fill(f, (byte) ' ');
      byte[] a = ascii(ae);
      System.arraycopy(a, 0, f, 0, Math.min(16, a.length));
      writeBytes(f);
      return this;
    }

    Out item(int type, byte[] value) {
      u8(type).u8(0).u16(value.length);
      writeBytes(value);
      return this;
    }

    void writeTo(Out o) {
      o.write(buf, 0, count);
    }
  }
}
