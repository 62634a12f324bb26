// Streams an answer with EventSource: "token" events as they arrive, then "done" (or "failure").
const form = document.getElementById('ask');
const question = document.getElementById('question');
const send = document.getElementById('send');
const stop = document.getElementById('stop');
const stream = document.getElementById('stream');
const status = document.getElementById('status');
const answer = document.getElementById('answer');
const usage = document.getElementById('usage');
let source = null;

function finish(message) {
	if (source) {
		source.close();   // closing ends the request; the server then closes the OpenAI stream
		source = null;
	}
	status.textContent = message;
	send.disabled = false;
	stop.disabled = true;
}

form.addEventListener('submit', (event) => {
	event.preventDefault();
	finish('');
	stream.replaceChildren();
	answer.textContent = '';
	usage.textContent = '';
	send.disabled = true;
	stop.disabled = false;
	status.textContent = 'Waiting for the first token...';
	let tokens = 0;
	source = new EventSource('api/stream?question=' + encodeURIComponent(question.value));
	source.addEventListener('token', (e) => {
		const span = document.createElement('span');
		span.className = 'token';
		span.textContent = JSON.parse(e.data).text;
		stream.append(span);
		tokens++;
		status.textContent = tokens + ' tokens so far...';
	});
	source.addEventListener('done', (e) => {
		const result = JSON.parse(e.data);
		answer.textContent = result.answer;
		usage.textContent = result.model + ': ' + result.promptTokens + ' prompt tokens, '
			+ result.completionTokens + ' completion tokens';
		finish('Done: ' + tokens + ' tokens streamed.');
	});
	source.addEventListener('failure', (e) => {
		const failure = JSON.parse(e.data);
		finish('Failed: ' + failure.type + ': ' + failure.message);
	});
	source.onerror = () => finish('The connection was lost.');   // no automatic reconnect
});

stop.addEventListener('click', () => finish('Stopped.'));
