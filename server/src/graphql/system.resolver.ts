import { Query, Resolver } from 'type-graphql';

export const API_VERSION = '0.1.0';

@Resolver()
export class SystemResolver {
  /** The API's version, for clients checking what they talk to. */
  @Query(() => String)
  apiVersion(): string {
    return API_VERSION;
  }
}
