/* A status shown as icon + text (never colour alone), with a tone for the colour as a third cue. */
import type { IconName } from './icons';
import { Icon } from './icons';

export type Tone = 'ok' | 'neutral' | 'warn' | 'danger';

type StatusPillProps = { icon: IconName; text: string; label: string; tone: Tone; testId: string };

export function StatusPill({ icon, text, label, tone, testId }: StatusPillProps) {
  return (
    <span className={`status-pill status-pill--${tone}`} role="status" data-testid={testId} title={label}>
      <Icon name={icon} size={18} />
      <span className="visually-hidden">{label}: </span>
      <span>{text}</span>
    </span>
  );
}
