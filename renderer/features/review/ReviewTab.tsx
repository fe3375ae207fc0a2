/*
 * 审查 (issue #9, domain.md §6): the review record of a case and the supervisor's acts on it — comment,
 * approve an extension (within the legal cap), approve a suspension, approve a closure request, reassign
 * within the organisation, send back for more work. Every act is a signed event; the rules are the pure
 * validators of shared/case/review-rules.ts, which the hub applies to the same events on push.
 * Handlers (arbitrators, mediators) see the record, can comment and request closure approval.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { activeTriggers, nextStatuses, type CaseState } from '#shared/case/index';
import {
  checkAssignee,
  checkClosureApproval,
  checkExtension,
  extensionCap,
  type ReviewRefusal,
} from '#shared/case/review-rules';
import { CLOSURE_TYPES_BY_KIND, type ClosureType } from '#shared/domain/closure-types';
import { SUSPENSION_GROUNDS, type SuspensionGround } from '#shared/domain/organisation';
import { DEADLINE_RULES, type DeadlineRuleId } from '#shared/law/deadline-rules';
import { EmptyLine } from '../../ui/Panel';
import { ROLES, type Role } from '#shared/sync/wire';
import { ElementSheetBlock } from './ElementSheetBlock';
import { handlersOf, useReview, type Colleague, type ReviewTools } from './use-review';
import './review.css';

type Msg = { ok: boolean; text: string } | null;

const refusalText = (t: TFunction, r: ReviewRefusal): string => t(`review.errors.${r.code}`, r.params);

const ruleName = (id: DeadlineRuleId, lang: string): string =>
  lang.startsWith('en') ? DEADLINE_RULES[id].nameEn : DEADLINE_RULES[id].nameZh;

/** One form's message line: green when done, red (role=alert) when refused. */
function Message({ msg, testId }: { msg: Msg; testId: string }) {
  if (msg === null) return null;
  return (
    <p
      className={msg.ok ? 'notice' : 'field-error'}
      role={msg.ok ? 'status' : 'alert'}
      data-testid={`${testId}-${msg.ok ? 'done' : 'error'}`}
    >
      {msg.text}
    </p>
  );
}

/** One labelled text input bound to a string state. */
function TextField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId?: string;
  wide?: boolean;
}) {
  return (
    <label className={props.wide === true ? 'field field--wide' : 'field'}>
      {props.label}
      <input
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => {
          props.onChange(e.target.value);
        }}
      />
    </label>
  );
}

/** A form's primary button (off while its act runs) and the act's message line beneath it. */
function SubmitRow(props: {
  act: { busy: boolean; msg: Msg };
  label: string;
  onSubmit: () => Promise<unknown>;
  testId: string;
  messageTestId: string;
}) {
  return (
    <>
      <button
        type="button"
        className="btn btn-primary"
        disabled={props.act.busy}
        data-testid={props.testId}
        onClick={() => void props.onSubmit()}
      >
        {props.label}
      </button>
      <Message msg={props.act.msg} testId={props.messageTestId} />
    </>
  );
}

function Block({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="review-block" data-testid={testId}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

export function ReviewTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const tools = useReview(caseId);
  const s = tools.state;
  if (!s) return null;
  return (
    <section data-testid="tab-review" className="review">
      <ReviewBanner state={s} />
      <History state={s} />
      {tools.enrollment === null ? <EmptyLine>{t('review.notEnrolled')}</EmptyLine> : null}
      {tools.enrollment !== null && !tools.isSupervisor ? (
        <p className="muted">{t('review.supervisorOnly')}</p>
      ) : null}
      <div className="review-forms">
        <AcceptForm caseId={caseId} tools={tools} state={s} />
        <CommentForm caseId={caseId} tools={tools} />
        {tools.isSupervisor ? (
          <>
            <ClosureApproval caseId={caseId} tools={tools} state={s} />
            <ExtensionForm caseId={caseId} tools={tools} state={s} />
            <SuspensionForm caseId={caseId} tools={tools} state={s} />
            <ReassignForm caseId={caseId} tools={tools} />
            <SendBackForm caseId={caseId} tools={tools} state={s} />
          </>
        ) : (
          <ClosureRequestForm caseId={caseId} tools={tools} state={s} />
        )}
        <CloseForm caseId={caseId} tools={tools} state={s} />
        {tools.enrollment !== null ? <ElementSheetBlock tools={tools} state={s} /> : null}
      </div>
    </section>
  );
}

/** The review state the handler must notice: sent back, closure approved or pending, suspended. */
export function reviewStateOf(
  s: CaseState,
): { kind: 'returned' | 'approved' | 'pending'; reason: string } | null {
  const last = s.audit
    .filter(
      (a) => a.type === 'case.returned' || a.type === 'closure.requested' || a.type === 'closure.approved',
    )
    .at(-1);
  if (!last) return null;
  if (last.type === 'case.returned')
    return { kind: 'returned', reason: s.returns.find((r) => r.eventId === last.eventId)?.reason ?? '' };
  if (last.type === 'closure.approved')
    return s.closureRequests.some((r) => r.decidedBy === last.eventId)
      ? { kind: 'approved', reason: '' }
      : null;
  return s.closureRequests.some((r) => r.eventId === last.eventId && r.status === 'pending')
    ? { kind: 'pending', reason: '' }
    : null;
}

/** A line above the tabs (and atop this tab) with the review state; nothing when there is none. */
export function ReviewBanner({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  const r = reviewStateOf(state);
  const lines: { key: string; text: string; tone: string }[] = [];
  if (r?.kind === 'returned')
    lines.push({ key: 'returned', text: t('review.state.returned', { reason: r.reason }), tone: 'danger' });
  if (r?.kind === 'approved')
    lines.push({ key: 'approved', text: t('review.state.closureApproved'), tone: 'ok' });
  if (r?.kind === 'pending')
    lines.push({ key: 'pending', text: t('review.state.closurePending'), tone: 'warn' });
  if (state.suspended)
    lines.push({
      key: 'suspended',
      text: t('review.state.suspended', { from: state.suspended.from }),
      tone: 'warn',
    });
  if (lines.length === 0) return null;
  return (
    <div className="review-banner" data-testid="review-banner">
      {lines.map((l) => (
        <span
          key={l.key}
          className={`status-pill status-pill--${l.tone}`}
          data-testid={`review-state-${l.key}`}
        >
          {l.text}
        </span>
      ))}
    </div>
  );
}

function History({ state }: { state: CaseState }) {
  const { t, i18n } = useTranslation();
  const items: { id: string; hlc: string; text: string }[] = [];
  const hlcOf = (eventId: string) => state.audit.find((a) => a.eventId === eventId)?.hlc ?? '';
  for (const r of state.reviews)
    items.push({
      id: r.eventId,
      hlc: hlcOf(r.eventId),
      text: `${r.severity === 'issue' ? t('review.history.issue') : t('review.history.comment')}：${r.text}`,
    });
  for (const r of state.returns)
    items.push({
      id: r.eventId,
      hlc: hlcOf(r.eventId),
      text: `${t('review.history.returned')}：${r.reason}`,
    });
  for (const x of state.deadlines.extensions)
    items.push({
      id: x.eventId,
      hlc: hlcOf(x.eventId),
      text: t('review.history.extension', { days: x.days, rule: ruleName(x.ruleId, i18n.language) }),
    });
  for (const c of state.closureRequests) {
    const status =
      c.status === 'pending'
        ? t('review.history.pending')
        : c.status === 'approved'
          ? t('review.history.approved')
          : t('review.history.returnedStatus');
    items.push({
      id: c.eventId,
      hlc: hlcOf(c.eventId),
      text: `${t('review.history.closureRequest', { type: t(`review.closureTypes.${c.closureType}`) })}：${c.summary} · ${status}`,
    });
  }
  items.sort((a, b) => a.hlc.localeCompare(b.hlc));
  return (
    <section className="review-history">
      <h2 className="section-title">{t('review.history.title')}</h2>
      {items.length === 0 ? <EmptyLine>{t('review.history.empty')}</EmptyLine> : null}
      <ul className="claim-list" data-testid="review-history">
        {items.map((i) => (
          <li key={i.id}>{i.text}</li>
        ))}
      </ul>
    </section>
  );
}

type FormProps = { caseId: string; tools: ReviewTools };

/** Runs one act: shows the refusal or the done message. */
function useAct(doneText: string) {
  const [msg, setMsg] = useState<Msg>(null);
  const [busy, setBusy] = useState(false);
  const run = async (act: () => Promise<string | null>): Promise<boolean> => {
    setBusy(true);
    try {
      const refused = await act();
      setMsg(refused === null ? { ok: true, text: doneText } : { ok: false, text: refused });
      return refused === null;
    } finally {
      setBusy(false);
    }
  };
  /** Shows a refusal; false, so a submit handler can `return act.refuse(…)`. */
  const refuse = (text: string): false => {
    setMsg({ ok: false, text });
    return false;
  };
  return { msg, busy, run, refuse };
}

function CommentForm({ caseId, tools }: FormProps) {
  const { t } = useTranslation();
  const act = useAct(t('review.comment.done'));
  const [text, setText] = useState('');
  const [issue, setIssue] = useState(false);
  const submit = async () => {
    if (text.trim() === '')
      return act.refuse(t('review.errors.required', { field: t('review.comment.text') }));
    const ok = await act.run(() =>
      tools.record([
        {
          caseId,
          type: 'review.commented',
          payload: { text: text.trim(), ...(issue ? { severity: 'issue' as const } : {}) },
        },
      ]),
    );
    if (ok) setText('');
  };
  return (
    <Block title={t('review.comment.title')} testId="review-comment">
      <label className="field field--wide">
        {t('review.comment.text')}
        <textarea
          data-testid="review-comment-text"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
          }}
        />
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={issue}
          onChange={(e) => {
            setIssue(e.target.checked);
          }}
        />
        {t('review.comment.issue')}
      </label>
      <SubmitRow
        act={act}
        label={t('review.comment.submit')}
        onSubmit={submit}
        testId="review-comment-submit"
        messageTestId="review-comment"
      />
    </Block>
  );
}

function ExtensionForm({ caseId, tools, state }: FormProps & { state: CaseState }) {
  const { t, i18n } = useTranslation();
  const act = useAct(t('review.extension.done'));
  const rules = activeTriggers(state.deadlines.triggers)
    .map((tr) => tr.ruleId)
    .filter((id) => extensionCap(id) !== null);
  const [chosen, setChosen] = useState<DeadlineRuleId | null>(null);
  const ruleId = chosen !== null && rules.includes(chosen) ? chosen : (rules[0] ?? null);
  const request = state.deadlines.extensionRequests.find(
    (r) => r.ruleId === ruleId && r.status === 'pending',
  );
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  if (ruleId === null)
    return (
      <Block title={t('review.extension.title')} testId="review-extension">
        <p className="muted">{t('review.extension.none')}</p>
      </Block>
    );
  const max = extensionCap(ruleId)?.maxTotalDays ?? 0;
  const submit = async () => {
    const raw = days.trim() === '' && request ? String(request.days) : days.trim();
    const n = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(n)) return act.refuse(t('review.errors.days', { max }));
    const refusal = checkExtension(state, { ruleId, days: n });
    if (refusal) return act.refuse(refusalText(t, refusal));
    const why = reason.trim() === '' && request ? request.reason : reason.trim();
    if (why === '') return act.refuse(t('review.errors.required', { field: t('review.extension.reason') }));
    const ok = await act.run(() =>
      tools.record(
        [
          {
            caseId,
            type: 'deadline.extended',
            payload: { ruleId, days: n, reason: why, ...(request ? { requestId: request.requestId } : {}) },
          },
        ],
        'supervisor',
      ),
    );
    if (ok) {
      setDays('');
      setReason('');
    }
  };
  return (
    <Block title={t('review.extension.title')} testId="review-extension">
      <div className="row-form">
        <label className="field">
          {t('review.extension.rule')}
          <select
            data-testid="review-extension-rule"
            value={ruleId}
            onChange={(e) => {
              setChosen(rules.find((r) => r === e.target.value) ?? null);
            }}
          >
            {rules.map((r) => (
              <option key={r} value={r}>
                {ruleName(r, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('review.extension.days')}
          <input
            inputMode="numeric"
            data-testid="review-extension-days"
            placeholder={request ? String(request.days) : `≤ ${String(max)}`}
            value={days}
            onChange={(e) => {
              setDays(e.target.value);
            }}
          />
        </label>
        <label className="field field--wide">
          {t('review.extension.reason')}
          <input
            data-testid="review-extension-reason"
            placeholder={request?.reason ?? ''}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
            }}
          />
        </label>
      </div>
      {request ? (
        <p className="muted">
          {t('review.extension.request', { days: request.days, reason: request.reason })}
        </p>
      ) : null}
      <SubmitRow
        act={act}
        label={t('review.extension.submit')}
        onSubmit={submit}
        testId="review-extension-submit"
        messageTestId="review-extension"
      />
    </Block>
  );
}

function SuspensionForm({ caseId, tools, state }: FormProps & { state: CaseState }) {
  const { t } = useTranslation();
  const act = useAct(t('review.suspension.done'));
  const [ground, setGround] = useState<SuspensionGround>('awaiting_appraisal');
  const [from, setFrom] = useState(tools.today);
  const [reason, setReason] = useState('');
  const submit = async () => {
    if (state.suspended) return act.refuse(t('review.errors.already_suspended'));
    if (reason.trim() === '')
      return act.refuse(t('review.errors.required', { field: t('review.suspension.reason') }));
    await act.run(() =>
      tools.record(
        [{ caseId, type: 'case.suspended', payload: { ground, from, reason: reason.trim() } }],
        'supervisor',
      ),
    );
  };
  return (
    <Block title={t('review.suspension.title')} testId="review-suspension">
      <div className="row-form">
        <label className="field">
          {t('review.suspension.ground')}
          <select
            value={ground}
            data-testid="review-suspension-ground"
            onChange={(e) => {
              setGround(SUSPENSION_GROUNDS.find((g) => g === e.target.value) ?? 'other');
            }}
          >
            {SUSPENSION_GROUNDS.map((g) => (
              <option key={g} value={g}>
                {t(`review.grounds.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('review.suspension.from')}
          <input
            type="date"
            value={from}
            onChange={(e) => {
              setFrom(e.target.value);
            }}
          />
        </label>
        <TextField
          label={t('review.suspension.reason')}
          value={reason}
          onChange={setReason}
          testId="review-suspension-reason"
          wide
        />
      </div>
      <SubmitRow
        act={act}
        label={t('review.suspension.submit')}
        onSubmit={submit}
        testId="review-suspension-submit"
        messageTestId="review-suspension"
      />
    </Block>
  );
}

function ClosureApproval({ caseId, tools, state }: FormProps & { state: CaseState }) {
  const { t } = useTranslation();
  const act = useAct(t('review.closure.done'));
  const [note, setNote] = useState('');
  const pending = state.closureRequests.filter((r) => r.status === 'pending');
  const approve = async (requestId: string) => {
    const refusal = checkClosureApproval(state, requestId);
    if (refusal) return act.refuse(refusalText(t, refusal));
    const ok = await act.run(() =>
      tools.record(
        [
          {
            caseId,
            type: 'closure.approved',
            payload: { requestId, ...(note.trim() !== '' ? { note: note.trim() } : {}) },
          },
        ],
        'supervisor',
      ),
    );
    if (ok) setNote('');
  };
  return (
    <Block title={t('review.closure.title')} testId="review-closure">
      {pending.length === 0 ? <p className="muted">{t('review.closure.none')}</p> : null}
      {pending.map((r) => (
        <div key={r.requestId} className="review-request">
          <p>
            {t(`review.closureTypes.${r.closureType}`)}：{r.summary}
          </p>
          <TextField label={t('review.closure.note')} value={note} onChange={setNote} wide />
          <button
            type="button"
            className="btn btn-primary"
            disabled={act.busy}
            data-testid="review-closure-approve"
            onClick={() => void approve(r.requestId)}
          >
            {t('review.closure.approve')}
          </button>
        </div>
      ))}
      <Message msg={act.msg} testId="review-closure" />
    </Block>
  );
}

function ClosureRequestForm({ caseId, tools, state }: FormProps & { state: CaseState }) {
  const { t } = useTranslation();
  const act = useAct(t('review.closure.requested'));
  const types = state.kind ? CLOSURE_TYPES_BY_KIND[state.kind] : [];
  const [type, setType] = useState<ClosureType | null>(null);
  const closureType = type ?? types[0] ?? 'other';
  const [summary, setSummary] = useState('');
  if (tools.enrollment === null || state.closure !== null) return null;
  const submit = async () => {
    if (summary.trim() === '')
      return act.refuse(t('review.errors.required', { field: t('review.closure.summary') }));
    const ok = await act.run(() =>
      tools.record([
        {
          caseId,
          type: 'closure.requested',
          payload: { requestId: tools.newId(), closureType, summary: summary.trim() },
        },
      ]),
    );
    if (ok) setSummary('');
  };
  return (
    <Block title={t('review.closure.requestTitle')} testId="review-closure-request">
      <div className="row-form">
        <label className="field">
          {t('review.closure.type')}
          <select
            value={closureType}
            onChange={(e) => {
              setType(types.find((x) => x === e.target.value) ?? null);
            }}
          >
            {types.map((x) => (
              <option key={x} value={x}>
                {t(`review.closureTypes.${x}`)}
              </option>
            ))}
          </select>
        </label>
        <TextField
          label={t('review.closure.summary')}
          value={summary}
          onChange={setSummary}
          testId="review-closure-summary"
          wide
        />
      </div>
      <SubmitRow
        act={act}
        label={t('review.closure.request')}
        onSubmit={submit}
        testId="review-closure-request-submit"
        messageTestId="review-closure-request"
      />
    </Block>
  );
}

function ReassignForm({ caseId, tools }: FormProps) {
  const { t, i18n } = useTranslation();
  const act = useAct(t('review.reassign.done'));
  const orgId = tools.enrollment?.orgId ?? '';
  const handlers = handlersOf(tools.colleagues, orgId);
  const [picked, setPicked] = useState('');
  const [manual, setManual] = useState('');
  const [reason, setReason] = useState('');
  const me = tools.enrollment?.userId;
  const roleText = (roles: readonly string[]) =>
    roles
      .filter((r): r is Role => (ROLES as readonly string[]).includes(r))
      .map((r) => t(`review.reassign.roles.${r}`))
      .join(i18n.language.startsWith('en') ? ', ' : '、');
  const label = (c: Colleague) =>
    c.name === null
      ? t('review.reassign.user', { id: c.userId.slice(-8) })
      : t(c.userId === me ? 'review.reassign.meNamed' : 'review.reassign.named', {
          name: c.name,
          roles: roleText(c.roles),
        });
  const asOf = tools.directory
    ? t('review.reassign.directoryAsOf', {
        org: tools.directory.org.name,
        time: new Date(tools.directory.fetchedAt).toLocaleString(
          i18n.language.startsWith('en') ? 'en-GB' : 'zh-CN',
          { timeZone: 'Asia/Shanghai', hour12: false },
        ),
      })
    : t('review.reassign.noDirectory');
  const submit = async () => {
    const assigneeId = manual.trim() !== '' ? manual.trim() : picked;
    if (assigneeId === '')
      return act.refuse(t('review.errors.required', { field: t('review.reassign.assignee') }));
    const refusal = checkAssignee((id) => tools.colleagues.get(id), assigneeId, orgId);
    if (refusal) return act.refuse(refusalText(t, refusal));
    if (reason.trim() === '')
      return act.refuse(t('review.errors.required', { field: t('review.reassign.reason') }));
    const ok = await act.run(() =>
      tools.record(
        [{ caseId, type: 'case.reassigned', payload: { assigneeId, reason: reason.trim() } }],
        'supervisor',
      ),
    );
    if (ok) {
      setManual('');
      setReason('');
    }
  };
  return (
    <Block title={t('review.reassign.title')} testId="review-reassign">
      <p className="muted" data-testid="review-reassign-directory">
        {asOf}
      </p>
      <div className="row-form">
        <label className="field">
          {t('review.reassign.assignee')}
          <select
            data-testid="review-reassign-user"
            value={picked}
            onChange={(e) => {
              setPicked(e.target.value);
            }}
          >
            <option value="">—</option>
            {handlers.map((c) => (
              <option key={c.userId} value={c.userId}>
                {label(c)}
              </option>
            ))}
          </select>
        </label>
        <TextField
          label={t('review.reassign.manual')}
          value={manual}
          onChange={setManual}
          testId="review-reassign-manual"
        />
        <TextField
          label={t('review.reassign.reason')}
          value={reason}
          onChange={setReason}
          testId="review-reassign-reason"
          wide
        />
      </div>
      <SubmitRow
        act={act}
        label={t('review.reassign.submit')}
        onSubmit={submit}
        testId="review-reassign-submit"
        messageTestId="review-reassign"
      />
    </Block>
  );
}

function SendBackForm({ caseId, tools, state }: FormProps & { state: CaseState }) {
  const { t } = useTranslation();
  const act = useAct(t('review.sendBack.done'));
  const [reason, setReason] = useState('');
  const [withRequest, setWithRequest] = useState(true);
  const pending = state.closureRequests.find((r) => r.status === 'pending');
  const submit = async () => {
    if (reason.trim() === '')
      return act.refuse(t('review.errors.required', { field: t('review.sendBack.reason') }));
    const ok = await act.run(() =>
      tools.record(
        [
          {
            caseId,
            type: 'case.returned',
            payload: {
              reason: reason.trim(),
              ...(pending && withRequest ? { requestId: pending.requestId } : {}),
            },
          },
        ],
        'supervisor',
      ),
    );
    if (ok) setReason('');
  };
  return (
    <Block title={t('review.sendBack.title')} testId="review-sendback">
      <label className="field field--wide">
        {t('review.sendBack.reason')}
        <textarea
          data-testid="review-sendback-reason"
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
          }}
        />
      </label>
      {pending ? (
        <label className="check">
          <input
            type="checkbox"
            checked={withRequest}
            onChange={(e) => {
              setWithRequest(e.target.checked);
            }}
          />
          {t('review.sendBack.request')}
        </label>
      ) : null}
      <button
        type="button"
        className="btn btn-danger"
        disabled={act.busy}
        data-testid="review-sendback-submit"
        onClick={() => void submit()}
      >
        {t('review.sendBack.submit')}
      </button>
      <Message msg={act.msg} testId="review-sendback" />
    </Block>
  );
}

/**
 * 受理: case.accepted, only while the move is open. An arbitration case's acceptance is the supervisor's
 * approval (domain.md §6); a mediation organisation's mediator accepts their own case (调解组织受理).
 */
function AcceptForm({ caseId, tools, state }: FormProps & { state: CaseState }) {
  const { t } = useTranslation();
  const act = useAct(t('review.accept.done'));
  const mayAccept = tools.isSupervisor || (tools.enrollment !== null && state.kind !== 'arbitration');
  const open =
    mayAccept &&
    state.acceptedAt === null &&
    state.kind !== null &&
    state.status !== null &&
    nextStatuses(state.kind, state.status).includes('accepted');
  if (!open && act.msg === null) return null;
  const submit = () =>
    act.run(() =>
      tools.record(
        [{ caseId, type: 'case.accepted', payload: { acceptedAt: new Date(tools.now()).toISOString() } }],
        tools.isSupervisor ? 'supervisor' : undefined,
      ),
    );
  return (
    <Block title={t('review.accept.title')} testId="review-accept">
      <p className="muted">{t('review.accept.hint')}</p>
      {open ? (
        <button
          type="button"
          className="btn btn-primary"
          disabled={act.busy}
          data-testid="review-accept-submit"
          onClick={() => void submit()}
        >
          {t('review.accept.submit')}
        </button>
      ) : null}
      <Message msg={act.msg} testId="review-accept" />
    </Block>
  );
}

/** 结案: case.closed by the case's handler (or a supervisor), citing an approved closure request if any. */
function CloseForm({ caseId, tools, state }: FormProps & { state: CaseState }) {
  const { t } = useTranslation();
  const act = useAct(t('review.close.done'));
  const approved = state.closureRequests.filter((r) => r.status === 'approved').at(-1);
  const types = state.kind ? CLOSURE_TYPES_BY_KIND[state.kind] : [];
  const [type, setType] = useState<ClosureType | null>(null);
  const closureType = type ?? approved?.closureType ?? types[0] ?? 'other';
  const [summary, setSummary] = useState('');
  if (tools.enrollment === null || (state.closure !== null && act.msg === null)) return null;
  const submit = async () => {
    const text = summary.trim() === '' && approved ? approved.summary : summary.trim();
    if (text === '') return act.refuse(t('review.errors.required', { field: t('review.close.summary') }));
    const ok = await act.run(() =>
      tools.record([
        {
          caseId,
          type: 'case.closed',
          payload: {
            closureType,
            closedAt: new Date(tools.now()).toISOString(),
            summary: text,
            ...(closureType === 'other' ? { otherReason: text } : {}),
            ...(approved ? { approvalRequestId: approved.requestId } : {}),
          },
        },
      ]),
    );
    if (ok) setSummary('');
  };
  return (
    <Block title={t('review.close.title')} testId="review-close">
      {state.closure === null ? (
        <>
          {approved ? <p className="muted">{t('review.close.approved')}</p> : null}
          <div className="row-form">
            <label className="field">
              {t('review.close.type')}
              <select
                value={closureType}
                data-testid="review-close-type"
                onChange={(e) => {
                  setType(types.find((x) => x === e.target.value) ?? null);
                }}
              >
                {types.map((x) => (
                  <option key={x} value={x}>
                    {t(`review.closureTypes.${x}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field field--wide">
              {t('review.close.summary')}
              <input
                data-testid="review-close-summary"
                placeholder={approved?.summary ?? ''}
                value={summary}
                onChange={(e) => {
                  setSummary(e.target.value);
                }}
              />
            </label>
          </div>
          <button
            type="button"
            className="btn btn-primary"
            disabled={act.busy}
            data-testid="review-close-submit"
            onClick={() => void submit()}
          >
            {t('review.close.submit')}
          </button>
        </>
      ) : null}
      <Message msg={act.msg} testId="review-close" />
    </Block>
  );
}
