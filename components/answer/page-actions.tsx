import { useState } from 'react';
import { activeTabId } from '@/lib/page/page-access';
import { insertIntoPage } from '@/lib/page/insert-text';
import { useT } from '../settings-context';

/** "Insert into page": the answer goes into the text field that had focus (a chatbot's input, say). */
export function InsertButton({ text }: { text: string }) {
  const t = useT();
  const [note, setNote] = useState<string | undefined>();
  const insert = async () => {
    const result = await insertIntoPage(await activeTabId(), text);
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
