import { computed, ref, watch, type Ref } from 'vue';
import { formatWallClock, parseTypedDateTime, weekdayOf, type WallClock } from '../domain/typed-date-time';

/** The clerk's wall clock of an instant (the browser's time zone, as the date picker shows it). */
function wallClockOf(instant: Date): WallClock {
  return {
    year: instant.getFullYear(),
    month: instant.getMonth() + 1,
    day: instant.getDate(),
    hour: instant.getHours(),
    minute: instant.getMinutes(),
  };
}

const instantOf = (t: WallClock) => new Date(t.year, t.month - 1, t.day, t.hour, t.minute);

/**
 * A datetime field typed as text: what is typed is read at once (no Enter needed), the instant it
 * means is emitted and shown back; a value set elsewhere (the picker, a saved item) fills the text.
 */
export function useTypedDateTime(value: Ref<unknown>, emit: (value: string | null) => void, now: () => Date = () => new Date()) {
  const text = ref('');
  const parsed = computed(() => parseTypedDateTime(text.value, wallClockOf(now())));
  const unreadable = computed(() => text.value.trim() !== '' && parsed.value === null);
  const shown = computed(() => (parsed.value ? `${formatWallClock(parsed.value)} ${weekdayOf(parsed.value)}` : null));
  const future = computed(() => (parsed.value ? instantOf(parsed.value).getTime() > now().getTime() + 60_000 : false));
  let emitted: string | null | undefined;

  watch(
    value,
    (stored) => {
      if (stored === emitted) return;
      const instant = new Date(String(stored ?? ''));
      text.value = stored && !Number.isNaN(instant.getTime()) ? formatWallClock(wallClockOf(instant)) : '';
    },
    { immediate: true },
  );

  function typed(input: string) {
    text.value = input;
    if (input.trim() === '') return send(null);
    if (parsed.value) send(instantOf(parsed.value).toISOString());
  }

  function picked(iso: string | null) {
    emitted = undefined;
    send(iso);
  }

  function send(iso: string | null) {
    emitted = iso;
    emit(iso);
  }

  return { text, shown, unreadable, future, typed, picked };
}
