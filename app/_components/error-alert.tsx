/** A failure's message, announced where the user acted; nothing while there is none. */
export function ErrorAlert({ message, className, id }: { message: string | null; className?: string; id?: string }) {
  if (!message) return null;
  return (
    <p role="alert" id={id} className={className ? `error ${className}` : 'error'}>
      {message}
    </p>
  );
}

/** What ties a field to its error message while there is one: marked invalid and described by it. */
export function invalidWhen(message: string | null, id: string) {
  return message ? { 'aria-invalid': true, 'aria-describedby': id } : {};
}
