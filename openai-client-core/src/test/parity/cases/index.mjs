// The registry of case groups, in the order they run. A new group is a module here (exporting
// `cases`) and its Java twin in ParityCases (io.github.openaispring.parity).
import { cases as completions } from './completions.mjs';
import { cases as chat } from './chat.mjs';
import { cases as embeddings } from './embeddings.mjs';
import { cases as files } from './files.mjs';
import { cases as images } from './images.mjs';
import { cases as audio } from './audio.mjs';
import { cases as moderations } from './moderations.mjs';
import { cases as models } from './models.mjs';
import { cases as batches } from './batches.mjs';
import { cases as uploads } from './uploads.mjs';
import { cases as fine_tuning } from './fine_tuning.mjs';
import { cases as vector_stores } from './vector_stores.mjs';
import { cases as beta } from './beta.mjs';
import { cases as responses } from './responses.mjs';
import { cases as conversations } from './conversations.mjs';

export const groups = { completions, chat, embeddings, files, images, audio, moderations, models, batches, uploads, fine_tuning, vector_stores, beta, responses, conversations };
