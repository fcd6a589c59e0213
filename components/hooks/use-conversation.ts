import { useEffect, useState } from 'react';
import type { Conversation } from '@/lib/domain/chat';
import { conversationSchema } from '@/lib/domain/chat';
import { request } from '@/lib/messaging/client';
import { conversationItem } from '@/lib/storage/items';

/** The chat as the background keeps it (session memory), live. */
export function useConversation(): Conversation {
  const [conversation, setConversation] = useState<Conversation>({ turns: [] });
  useEffect(() => {
    void request('chat.get', {}).then((reply) => reply.ok && setConversation(reply.value));
    return conversationItem.watch((value) => {
      const parsed = conversationSchema.safeParse(value);
      setConversation(parsed.success ? parsed.data : { turns: [] });
    });
  }, []);
  return conversation;
}
