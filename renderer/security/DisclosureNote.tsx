/*
 * The on-screen half of "exports state what they contain" (#8, R25): shown beside an export button,
 * the same facts the file itself carries (renderer/security/disclosure.ts), in the UI language.
 */
import { useTranslation } from 'react-i18next';
import type { MaskedField } from '#shared/domain/sessions';

export type DisclosureNoteProps =
  | { kind: 'fields'; fields: readonly MaskedField[]; masked: boolean; testId?: string }
  | { kind: 'evidencePackage'; files: number; testId?: string };

export function DisclosureNote(props: DisclosureNoteProps) {
  const { t } = useTranslation();
  let text: string;
  if (props.kind === 'evidencePackage')
    text = t('security.disclosure.evidencePackage', { files: props.files });
  else if (props.fields.length === 0) text = t('security.disclosure.none');
  else {
    const fields = [...new Set(props.fields)].map((f) => t(`security.disclosure.field.${f}`)).join('、');
    text = t(props.masked ? 'security.disclosure.masked' : 'security.disclosure.full', { fields });
  }
  return (
    <p className="muted export-disclosure" data-testid={props.testId ?? 'export-disclosure'}>
      {text}
    </p>
  );
}
