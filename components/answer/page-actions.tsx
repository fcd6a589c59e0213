import { useState } from 'react';
import { insertIntoPage } from '@/lib/page/insert-text';
import { useT } from '../settings-context';

/** "Insert into page": the answer goes into the text field that had focus (a chatbot's input, say). */
export function InsertButton({ text, targetTab }: { text: string; targetTab: () => Promise<number | undefined> }) {
  const t = useT();
  const [note, setNote] = useState<string | undefined>();
  const insert = async () => {
    const result = await insertIntoPage(await targetTab(), text);
    if (!result.ok) setNote(t(result.problem === 'restricted' ? 'page.restricted' : 'answer.insertUnavailable'));
    else setNote(result.value ? t('action.inserted') : t('answer.insertFailed'));
  };
  return (
    <>
      <button type="button" onClick={() => void insert()}>
        {t('action.insert')}
      </button>
      {note ? (
        <span className="hint" role="status">
          {note}
        </span>
      ) : null}
    </>
  );
}
