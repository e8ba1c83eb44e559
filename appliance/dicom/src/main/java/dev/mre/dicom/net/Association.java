// SPDX-License-Identifier: Apache-2.0
// Over 400 lines on purpose: this is the PS3.8 state machine, one action per case, and splitting
// the actions across files would separate each from the state it changes. Framing (InboundPdus),
// fragmentation (PDataFragmenter), reassembly (PDataReassembler), negotiation (Negotiation) and
// the transition table (StateTable) live in their own files.
package dev.mre.dicom.net;

import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.net.pdu.AAbort;
import dev.mre.dicom.net.pdu.AAssociateAc;
import dev.mre.dicom.net.pdu.AAssociateRj;
import dev.mre.dicom.net.pdu.AAssociateRq;
import dev.mre.dicom.net.pdu.AReleaseRp;
import dev.mre.dicom.net.pdu.AReleaseRq;
import dev.mre.dicom.net.pdu.PDataTf;
import dev.mre.dicom.net.pdu.Pdu;
import dev.mre.dicom.net.pdu.PduDecoder;
import dev.mre.dicom.net.pdu.PduEncoder;
import dev.mre.dicom.net.pdu.PduException;
import dev.mre.dicom.net.pdu.Pdv;
import dev.mre.dicom.net.pdu.PresentationContextItem;
import dev.mre.dicom.net.service.CommandSet;
import dev.mre.dicom.net.service.Dimse;
import dev.mre.dicom.net.service.DimseMessage;
import dev.mre.dicom.net.service.DimseServices;
import dev.mre.dicom.net.service.DimseStatus;
import dev.mre.dicom.net.service.Status;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.net.NetSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DICOM association, requestor or acceptor, driven by the PS3.8 state machine: bytes in are
 * framed by {@link PduDecoder} into events, {@link StateTable} names the action, {@link #perform}
 * does it. Everything runs on the connection's event loop; nothing here blocks.
 *
 * <p>Timers: ARTIM as PS3.8 9.1.5 (waiting for the A-ASSOCIATE-RQ, for the close after a reject,
 * release or abort), and, as local extensions, for the A-ASSOCIATE-AC and the A-RELEASE-RP (on
 * expiry: A-ABORT). An acceptor also aborts a peer that sends nothing for {@code idleTimeout}
 * while it owes us bytes. The "local user" of the acceptor answers at once: accept or reject
 * (Evt7/Evt8), release response (Evt14, deferred until a running request is answered).
 */
public final class Association {

  private static final Logger LOG = LoggerFactory.getLogger(Association.class);
  private static final AtomicLong SERIAL = new AtomicLong();

  private final Vertx vertx;
  private final io.vertx.core.Context context;
  private final boolean requestor;
  private final long serial = SERIAL.incrementAndGet();
  private final int maxPduLengthReceive;
  private final long artimMillis;
  private final long idleMillis;
  private final long responseMillis;
  private final PDataReassembler reassembler;
  // acceptor
  private final ServerConfig serverConfig;
  private final DimseServices services;
  private final WorkerExecutor storeExecutor;
  private final boolean overLimit;
  // requestor
  private AAssociateRq request;
  private Promise<Association> openPromise;
  private Promise<DimseMessage> responsePromise;
  private Promise<Void> releasePromise;
  private Future<?> operations = Future.succeededFuture();
  private int nextMessageId = 1;

  private NetSocket socket;
  private State state = State.Sta1;
  private String callingAe = "?";
  private String calledAe = "?";
  /** Built once the AE titles are known (logged several times per message at DEBUG). */
  private String label;
  private final Map<Integer, PresentationContextItem> accepted = new HashMap<>(); // id -> abstract + ts
  private long peerMaxPduLength;
  private final InboundPdus inbound;
  private boolean inputBroken;
  private boolean requestInProgress;
  private boolean releaseResponseDeferred;
  private final OneShotTimer artim;
  private final OneShotTimer idle;
  private boolean idleArmed;
  private long lastReceivedNanos = System.nanoTime();
  private final OneShotTimer responseTimer;
  private final Promise<Void> closed = Promise.promise();

  private Association(Vertx vertx, boolean requestor, int maxPduLengthReceive, long maxObjectSize,
                      java.time.Duration artimTimeout, java.time.Duration idleTimeout,
                      java.time.Duration responseTimeout,
                      ServerConfig serverConfig, DimseServices services, WorkerExecutor storeExecutor,
                      boolean overLimit) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.requestor = requestor;
    this.maxPduLengthReceive = maxPduLengthReceive;
    this.artimMillis = Math.max(1, artimTimeout.toMillis());
    this.idleMillis = idleTimeout == null ? 0 : idleTimeout.toMillis();
    this.responseMillis = responseTimeout == null ? 0 : responseTimeout.toMillis();
    this.inbound = new InboundPdus(new PduDecoder(maxPduLengthReceive));
    this.artim = new OneShotTimer(vertx);
    this.idle = new OneShotTimer(vertx);
    this.responseTimer = new OneShotTimer(vertx);
    this.reassembler = new PDataReassembler(maxObjectSize, accepted::containsKey);
    this.serverConfig = serverConfig;
    this.services = services;
    this.storeExecutor = storeExecutor;
    this.overLimit = overLimit;
  }

  /** An acceptor for a new connection (Evt5, AE-5). */
  static Association accept(Vertx vertx, NetSocket socket, ServerConfig cfg, DimseServices services,
                            WorkerExecutor storeExecutor, boolean overLimit) {
    Association as = new Association(vertx, false, cfg.maxPduLengthReceive(), cfg.maxObjectSize(),
        cfg.artimTimeout(), cfg.idleTimeout(), null, cfg, services, storeExecutor, overLimit);
    as.attach(socket);
    as.fire(Event.Evt5, null);
    return as;
  }

  /** A requestor: Evt1 (A-ASSOCIATE request), AE-1 connect, then AE-2 sends {@code rq}. */
  static Future<Association> request(Vertx vertx, ClientConfig cfg, AAssociateRq rq,
                                     Supplier<Future<NetSocket>> connect) {
    // A requestor expects no large data sets (C-STORE-RSP has none); bound what a peer can make us hold.
    Association as = new Association(vertx, true, cfg.maxPduLengthReceive(), ServerConfig.DEFAULT_MAX_OBJECT_SIZE,
        cfg.artimTimeout(), null, cfg.responseTimeout(), null, null, null, false);
    as.request = rq;
    as.callingAe = rq.callingAe();
    as.calledAe = rq.calledAe();
    as.label = null;
    as.openPromise = Promise.promise();
    as.fire(Event.Evt1, connect);
    return as.openPromise.future();
  }

  // ---- public API --------------------------------------------------------------------------

  public String callingAe() {
    return callingAe;
  }

  public String calledAe() {
    return calledAe;
  }

  /** "CALLING->CALLED(n)", n a per-process serial. */
  public String label() {
    String l = label;
    if (l == null) {
      label = l = callingAe + "->" + calledAe + "(" + serial + ")";
    }
    return l;
  }

  public State state() {
    return state;
  }

  public boolean isRequestor() {
    return requestor;
  }

  /** Completes when the transport connection has closed. */
  public Future<Void> closeFuture() {
    return closed.future();
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The "dicom-store" worker pool (acceptor only; null for a requestor). */
  public WorkerExecutor storeExecutor() {
    return storeExecutor;
  }

  /** The abstract syntax of an accepted presentation context, or null. */
  public String abstractSyntax(int pcid) {
    PresentationContextItem pc = accepted.get(pcid);
    return pc == null ? null : pc.abstractSyntax();
  }

  /** The transfer syntax of an accepted presentation context, or null. */
  public String transferSyntax(int pcid) {
    PresentationContextItem pc = accepted.get(pcid);
    return pc == null ? null : pc.transferSyntax();
  }

  /** The peer's maximum P-DATA-TF length (0 = unlimited). */
  public long peerMaxPduLength() {
    return peerMaxPduLength;
  }

  /**
   * The transfer syntax accepted for {@code sopClassUid}: the first of {@code preferred} that was
   * accepted, or with no preference any accepted one; null if none.
   */
  public String acceptedTransferSyntax(String sopClassUid, String... preferred) {
    for (String ts : preferred) {
      if (contextFor(sopClassUid, ts) > 0) {
        return ts;
      }
    }
    if (preferred.length > 0) {
      return null;
    }
    return accepted.values().stream().filter(pc -> sopClassUid.equals(pc.abstractSyntax()))
        .map(PresentationContextItem::transferSyntax).findFirst().orElse(null);
  }

  /** C-ECHO (Verification SCU); the future holds the response status. */
  public Future<Integer> cecho() {
    int pcid = accepted.values().stream().filter(pc -> UID.Verification.equals(pc.abstractSyntax()))
        .mapToInt(PresentationContextItem::id).findFirst().orElse(-1);
    if (pcid < 0) {
      return Future.failedFuture(new IllegalStateException(label() + ": Verification was not accepted"));
    }
    CommandSet rq = new CommandSet().setUI(Tag.AffectedSOPClassUID, UID.Verification)
        .setUS(Tag.CommandField, Dimse.C_ECHO_RQ).setUS(Tag.CommandDataSetType, Dimse.NO_DATA_SET);
    return onContext(() -> invoke(pcid, rq, null)).map(rsp -> rsp.command().getInt(Tag.Status, -1));
  }

  /**
   * C-STORE (Storage SCU): sends {@code dataset} exactly as given, on the presentation context
   * accepted for this SOP class and transfer syntax; the future fails if there is none.
   */
  public Future<DimseStatus> cstore(String sopClassUid, String sopInstanceUid, String tsuid, byte[] dataset) {
    int pcid = contextFor(sopClassUid, tsuid);
    if (pcid < 0) {
      return Future.failedFuture(new IllegalStateException(label() + ": no presentation context accepted for "
          + sopClassUid + " in " + tsuid));
    }
    CommandSet rq = new CommandSet().setUI(Tag.AffectedSOPClassUID, sopClassUid)
        .setUS(Tag.CommandField, Dimse.C_STORE_RQ).setUS(Tag.Priority, Dimse.MEDIUM)
        .setUS(Tag.CommandDataSetType, 0x0000).setUI(Tag.AffectedSOPInstanceUID, sopInstanceUid);
    return onContext(() -> invoke(pcid, rq, dataset)).map(rsp -> new DimseStatus(rsp.command().getInt(Tag.Status, -1),
        rsp.command().getString(Tag.ErrorComment)));
  }

  /** A-RELEASE request (Evt11); completes with the A-RELEASE confirmation. */
  public Future<Void> release() {
    return onContext(() -> operations.transform(ignored -> {
      releasePromise = Promise.promise();
      if (!fire(Event.Evt11, null)) {
        return Future.failedFuture(new IllegalStateException(label() + ": cannot release in " + state));
      }
      return releasePromise.future();
    }));
  }

  /** A-ABORT request (Evt15); where the table has no action the transport is simply closed. */
  public void abort() {
    onContext(() -> {
      if (!fire(Event.Evt15, AAbort.byServiceUser()) && socket != null) {
        socket.close();
      }
      return Future.succeededFuture();
    });
  }

  /** The event-loop context this association runs on; callers may chain their work on it. */
  public io.vertx.core.Context context() {
    return context;
  }

  /** Runs {@code op} on this association's event loop: the state is only touched there. */
  private <T> Future<T> onContext(Supplier<Future<T>> op) {
    if (io.vertx.core.Vertx.currentContext() == context) {
      return op.get();
    }
    Promise<T> p = Promise.promise();
    context.runOnContext(v -> op.get().onComplete(p));
    return p.future();
  }

  // ---- events ------------------------------------------------------------------------------

  /** Looks up the action for {@code event} and performs it; false for a blank cell. */
  boolean fire(Event event, Object arg) {
    Action action = StateTable.action(state, event);
    if (action == null) {
      LOG.debug("{} {} in {}: no action", label(), event, state);
      return false;
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} in {}: {}", label(), event, state, action);
    }
    perform(action, arg);
    return true;
  }

  @SuppressWarnings("unchecked")
  private void perform(Action action, Object arg) {
    switch (action) {
      case AE_1 -> {
        state = State.Sta4;
        ((Supplier<Future<NetSocket>>) arg).get().onComplete(ar -> {
          if (ar.succeeded()) {
            attach(ar.result());
            fire(Event.Evt2, null);
          } else {
            state = State.Sta1;
            failPending(new AssociationException(label() + ": connect failed: " + ar.cause().getMessage()));
            closed.tryComplete();
          }
        });
      }
      case AE_2 -> {
        send(request);
        LOG.info("{} >> A-ASSOCIATE-RQ {}", label(), summary(request));
        startArtim("A-ASSOCIATE-AC");
        state = State.Sta5;
      }
      case AE_3 -> {
        stopArtim();
        AAssociateAc ac = (AAssociateAc) arg;
        for (PresentationContextItem answer : ac.presentationContexts()) {
          PresentationContextItem proposed = proposed(request, answer.id());
          if (answer.accepted() && proposed != null) {
            accepted.put(answer.id(), new PresentationContextItem(answer.id(), 0, proposed.abstractSyntax(),
                answer.transferSyntaxes()));
          }
        }
        peerMaxPduLength = ac.userInformation().maxPduLength();
        state = State.Sta6;
        LOG.info("{} << A-ASSOCIATE-AC {}/{} contexts accepted, peer max PDU {}, implementation {} {}", label(),
            accepted.size(), request.presentationContexts().size(), peerMaxPduLength,
            ac.userInformation().implementationClassUid(), ac.userInformation().implementationVersionName());
        openPromise.tryComplete(this);
      }
      case AE_4 -> {
        stopArtim();
        state = State.Sta1;
        LOG.info("{} << {}", label(), arg);
        failPending(new AssociationException(label() + ": " + arg, (AAssociateRj) arg, null));
        socket.close();
      }
      case AE_5 -> {
        startArtim("A-ASSOCIATE-RQ");
        state = State.Sta2;
      }
      case AE_6 -> {
        stopArtim();
        AAssociateRq rq = (AAssociateRq) arg;
        callingAe = rq.callingAe();
        calledAe = rq.calledAe();
        label = null;
        request = rq;
        LOG.info("{} << A-ASSOCIATE-RQ from {} {}", label(), socket.remoteAddress(), summary(rq));
        Pdu answer = Negotiation.answer(rq, serverConfig, overLimit);
        if (answer instanceof AAssociateRj rj && rj.source() != AAssociateRj.SOURCE_SERVICE_USER) {
          send(rj); // rejected by the service-provider
          LOG.info("{} >> {}", label(), rj);
          startArtim("close after A-ASSOCIATE-RJ");
          state = State.Sta13;
        } else {
          state = State.Sta3; // A-ASSOCIATE indication; the local user answers at once
          fire(answer instanceof AAssociateAc ? Event.Evt7 : Event.Evt8, answer);
        }
      }
      case AE_7 -> {
        AAssociateAc ac = (AAssociateAc) arg;
        for (PresentationContextItem answer : ac.presentationContexts()) {
          if (answer.accepted()) {
            accepted.put(answer.id(), new PresentationContextItem(answer.id(), 0,
                proposed(request, answer.id()).abstractSyntax(), answer.transferSyntaxes()));
          }
        }
        peerMaxPduLength = request.userInformation().maxPduLength();
        send(ac);
        LOG.info("{} >> A-ASSOCIATE-AC {}/{} contexts accepted, max PDU ours {} peer {}", label(),
            accepted.size(), ac.presentationContexts().size(), maxPduLengthReceive, peerMaxPduLength);
        state = State.Sta6;
        armIdle();
      }
      case AE_8 -> {
        send((AAssociateRj) arg);
        LOG.info("{} >> {}", label(), arg);
        startArtim("close after A-ASSOCIATE-RJ");
        state = State.Sta13;
      }
      case DT_1, AR_7 -> {
        for (ByteBuf pdus : (Iterable<ByteBuf>) arg) {
          lastWrite = socket.write(BufferInternal.buffer(pdus));   // no copy: see PDataFragmenter
        }
        state = action == Action.DT_1 ? State.Sta6 : State.Sta8;
      }
      case DT_2, AR_6 -> {
        state = action == Action.DT_2 ? State.Sta6 : State.Sta7;
        onPData((PDataTf) arg);
      }
      case AR_1 -> {
        send(new AReleaseRq());
        LOG.info("{} >> A-RELEASE-RQ", label());
        startArtim("A-RELEASE-RP");
        state = State.Sta7;
      }
      case AR_2 -> {
        LOG.info("{} << A-RELEASE-RQ", label());
        state = State.Sta8;
        if (requestInProgress) {
          releaseResponseDeferred = true;
        } else {
          fire(Event.Evt14, null);
        }
      }
      case AR_3 -> {
        stopArtim();
        LOG.info("{} << A-RELEASE-RP, released", label());
        state = State.Sta1;
        socket.close();
        if (releasePromise != null) {
          releasePromise.tryComplete();
        }
      }
      case AR_4 -> {
        send(new AReleaseRp());
        LOG.info("{} >> A-RELEASE-RP", label());
        startArtim("close after A-RELEASE-RP");
        state = State.Sta13;
      }
      case AR_5, AA_5 -> {
        stopArtim();
        state = State.Sta1;
      }
      case AR_8 -> {
        LOG.info("{} << A-RELEASE-RQ: release collision, we are the {}", label(), requestor ? "requestor" : "acceptor");
        if (requestor) {
          state = State.Sta9;
          fire(Event.Evt14, null);
        } else {
          state = State.Sta10;
        }
      }
      case AR_9 -> {
        send(new AReleaseRp());
        LOG.info("{} >> A-RELEASE-RP (release collision)", label());
        state = State.Sta11;
      }
      case AR_10 -> {
        LOG.info("{} << A-RELEASE-RP (release collision)", label());
        state = State.Sta12;
        if (releasePromise != null) {
          releasePromise.tryComplete();
        }
        fire(Event.Evt14, null);
      }
      case AA_1, AA_7, AA_8 -> {
        // a local abort or a PDU error carries its A-ABORT; a PDU arriving where it may not is
        // answered "unexpected-PDU" (source 2)
        AAbort abort = arg instanceof AAbort a ? a : AAbort.byServiceProvider(AAbort.UNEXPECTED_PDU);
        if (arg instanceof Pdu pdu && !(arg instanceof AAbort)) {
          LOG.info("{} << unexpected {} in {}", label(), pdu.getClass().getSimpleName(), state);
        }
        send(abort);
        LOG.info("{} >> {}", label(), abort);
        failPending(new AssociationException(label() + ": aborted, " + abort, null, abort));
        stopIdle();
        if (action != Action.AA_7) {
          startArtim("close after A-ABORT");
        }
        state = State.Sta13;
      }
      case AA_2 -> {
        stopArtim();
        state = State.Sta1;
        if (socket != null) {
          socket.close();
        }
      }
      case AA_3 -> {
        LOG.info("{} << {}", label(), arg);
        failPending(new AssociationException(label() + ": aborted by peer, " + arg, null, (AAbort) arg));
        state = State.Sta1;
        socket.close();
      }
      case AA_4 -> {
        LOG.info("{} connection closed by peer in {} (A-P-ABORT)", label(), state);
        failPending(new AssociationException(label() + ": connection closed by peer"));
        state = State.Sta1;
      }
      case AA_6 -> LOG.debug("{} PDU ignored in Sta13", label());
      default -> throw new IllegalStateException("unhandled action " + action);
    }
  }

  private Future<Void> lastWrite = Future.succeededFuture();

  // ---- transport ---------------------------------------------------------------------------

  private void attach(NetSocket s) {
    socket = s;
    s.handler(this::onBytes);
    s.closeHandler(v -> onTransportClosed());
    s.exceptionHandler(e -> LOG.debug("{} transport error: {}", label(), e.toString()));
  }

  private void onTransportClosed() {
    fire(Event.Evt17, null);
    stopArtim();
    stopIdle();
    cancelResponseTimer();
    failPending(new AssociationException(label() + ": connection closed"));
    closed.tryComplete();
  }

  private void onBytes(Buffer chunk) {
    if (inputBroken) {
      return;
    }
    lastReceivedNanos = System.nanoTime();
    if (!idleArmed) {
      armIdle();
    }
    inbound.append(chunk);
    drain();
  }

  /** Decodes and dispatches complete PDUs until none is left or a request is being served. */
  private void drain() {
    while (!requestInProgress && !inputBroken && state != State.Sta1) {
      Pdu pdu;
      try {
        pdu = inbound.next();
      } catch (PduException e) {
        inputBroken = true;
        LOG.info("{} << invalid PDU: {}", label(), e.getMessage());
        fire(Event.Evt19, AAbort.byServiceProvider(e.abortReason()));
        return;
      }
      if (pdu == null) {
        return;
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug("{} << {}", label(), pdu);
      }
      dispatch(pdu);
    }
  }

  private void dispatch(Pdu pdu) {
    if (pdu instanceof AAssociateRq) {
      fire(Event.Evt6, pdu);
    } else if (pdu instanceof AAssociateAc) {
      fire(Event.Evt3, pdu);
    } else if (pdu instanceof AAssociateRj) {
      fire(Event.Evt4, pdu);
    } else if (pdu instanceof PDataTf) {
      fire(Event.Evt10, pdu);
    } else if (pdu instanceof AReleaseRq) {
      fire(Event.Evt12, pdu);
    } else if (pdu instanceof AReleaseRp) {
      fire(Event.Evt13, pdu);
    } else {
      fire(Event.Evt16, pdu);
    }
  }

  private void send(Pdu pdu) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} >> {}", label(), pdu);
    }
    socket.write(Buffer.buffer(PduEncoder.encode(pdu)));
  }

  // ---- DIMSE -------------------------------------------------------------------------------

  private void onPData(PDataTf pdata) {
    for (Pdv pdv : pdata.pdvs()) {
      DimseMessage msg;
      try {
        msg = reassembler.add(pdv);
      } catch (PduException e) {
        inputBroken = true;
        LOG.info("{} << invalid P-DATA-TF: {}", label(), e.getMessage());
        fire(Event.Evt19, AAbort.byServiceProvider(e.abortReason()));
        return;
      }
      if (msg != null) {
        if (LOG.isDebugEnabled()) {
          LOG.debug("{} << {} on pc {}{}", label(), msg.command(), msg.presentationContextId(),
              msg.data() == null ? "" : ", data set " + msg.data().length + " bytes");
        }
        if (msg.isResponse()) {
          onResponse(msg);
        } else if (requestor) {
          inputBroken = true;
          fire(Event.Evt19, AAbort.byServiceProvider(AAbort.UNEXPECTED_PDU_PARAMETER));
        } else {
          onRequest(msg);
        }
      }
    }
  }

  private void onRequest(DimseMessage rq) {
    requestInProgress = true;
    // the idle timer may stay armed: on expiry it only re-arms while a request is in progress
    socket.pause();
    Future<CommandSet> rsp = rq.dataDiscarded()
        ? Future.succeededFuture(CommandSet.responseTo(rq.command(), Status.OutOfResources,
            "data set larger than the configured maximum object size"))
        : services.onRequest(this, rq);
    rsp.compose(cmd -> sendDimse(rq.presentationContextId(), cmd, null)).onComplete(ar -> {
      requestInProgress = false;
      socket.resume();
      if (releaseResponseDeferred) {
        releaseResponseDeferred = false;
        fire(Event.Evt14, null);
      }
      lastReceivedNanos = System.nanoTime(); // the peer owes us bytes again from now
      if (!idleArmed) {
        armIdle();
      }
      drain();
    });
  }

  private void onResponse(DimseMessage rsp) {
    Promise<DimseMessage> p = responsePromise;
    responsePromise = null;
    int respondedTo = rsp.command().getInt(Tag.MessageIDBeingRespondedTo, -1);
    if (p == null || respondedTo != ((nextMessageId - 1) & 0xFFFF)) {
      LOG.warn("{} << unexpected {}: no such request outstanding", label(), rsp.command());
      responsePromise = p;
      return;
    }
    cancelResponseTimer();
    p.tryComplete(rsp);
  }

  /** Sends one request and waits for its response; requests run one at a time (max ops 1). */
  private Future<DimseMessage> invoke(int pcid, CommandSet rq, byte[] data) {
    Future<DimseMessage> f = operations.transform(ignored -> {
      if (state != State.Sta6) {
        return Future.failedFuture(new IllegalStateException(label() + ": association not established (" + state + ")"));
      }
      rq.setUS(Tag.MessageID, nextMessageId++ & 0xFFFF);
      responsePromise = Promise.promise();
      Future<DimseMessage> response = responsePromise.future();
      if (responseMillis > 0) {
        responseTimer.start(responseMillis, () -> {
          LOG.info("{} no DIMSE response within {} ms", label(), responseMillis);
          abort();
        });
      }
      sendDimse(pcid, rq, data).onFailure(e -> failPending(e));
      return response;
    });
    operations = f;
    return f;
  }

  /** P-DATA request (Evt9): command and data set fragmented to the peer's maximum PDU length. */
  private Future<Void> sendDimse(int pcid, CommandSet cmd, byte[] data) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} >> {} on pc {}", label(), cmd, pcid);
    }
    List<ByteBuf> pdus = PDataFragmenter.fragment(pcid, cmd.encode(), data, peerMaxPduLength);
    lastWrite = null;
    if (!fire(Event.Evt9, pdus)) {
      return Future.failedFuture(new IllegalStateException(label() + ": cannot send P-DATA in " + state));
    }
    return lastWrite == null ? Future.succeededFuture() : lastWrite;
  }

  // ---- timers and helpers ------------------------------------------------------------------

  private void startArtim(String waitingFor) {
    artim.start(artimMillis, () -> {
      LOG.info("{} ARTIM expired in {} waiting for {}", label(), state, waitingFor);
      if (state == State.Sta2 || state == State.Sta13) {
        fire(Event.Evt18, null);
      } else {
        fire(Event.Evt15, AAbort.byServiceUser()); // our AC / RP wait: abort
      }
    });
  }

  private void stopArtim() {
    artim.stop();
  }

  /**
   * Acceptor, established, waiting for the peer: no bytes for idleTimeout is an A-ABORT. Bytes
   * only move {@link #lastReceivedNanos}; the timer re-arms itself for the remainder, so a busy
   * connection does not create a timer per chunk.
   */
  private void armIdle() {
    idle.stop();
    idleArmed = false;
    if (idleMillis > 0 && !requestor && state.ordinal() >= State.Sta6.ordinal() && state != State.Sta13
        && !requestInProgress) {
      idleArmed = true;
      long since = (System.nanoTime() - lastReceivedNanos) / 1_000_000;
      idle.start(Math.max(1, idleMillis - Math.max(0, since)), this::onIdleTimer);
    }
  }

  private void onIdleTimer() {
    idleArmed = false;
    long since = (System.nanoTime() - lastReceivedNanos) / 1_000_000;
    if (since < idleMillis || requestInProgress) {
      armIdle();
      return;
    }
    LOG.info("{} idle for {} ms in {}: aborting", label(), since, state);
    fire(Event.Evt15, AAbort.byServiceUser());
  }

  private void stopIdle() {
    idle.stop();
    idleArmed = false;
  }

  private void cancelResponseTimer() {
    responseTimer.stop();
  }

  private void failPending(Throwable cause) {
    if (openPromise != null) {
      openPromise.tryFail(cause);
    }
    if (responsePromise != null) {
      Promise<DimseMessage> p = responsePromise;
      responsePromise = null;
      cancelResponseTimer();
      p.tryFail(cause);
    }
    if (releasePromise != null) {
      releasePromise.tryFail(cause);
    }
  }

  private int contextFor(String sopClassUid, String tsuid) {
    return accepted.values().stream()
        .filter(pc -> sopClassUid.equals(pc.abstractSyntax()) && tsuid.equals(pc.transferSyntax()))
        .mapToInt(PresentationContextItem::id).findFirst().orElse(-1);
  }

  private static PresentationContextItem proposed(AAssociateRq rq, int id) {
    return rq.presentationContexts().stream().filter(pc -> pc.id() == id).findFirst().orElse(null);
  }

  /** "128 contexts, 64 abstract syntaxes, max PDU 16384, implementation X"; the full list at DEBUG. */
  private String summary(AAssociateRq rq) {
    if (LOG.isDebugEnabled()) {
      for (PresentationContextItem pc : rq.presentationContexts()) {
        LOG.debug("{}   pc {} {} {}", label(), pc.id(), pc.abstractSyntax(), pc.transferSyntaxes());
      }
    }
    long abstracts = rq.presentationContexts().stream().map(PresentationContextItem::abstractSyntax).distinct().count();
    return new StringBuilder().append(rq.presentationContexts().size()).append(" contexts, ").append(abstracts)
        .append(" abstract syntaxes, max PDU ").append(rq.userInformation().maxPduLength())
        .append(", implementation ").append(rq.userInformation().implementationVersionName()).toString();
  }
}
