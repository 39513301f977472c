{{
  config(
    materialized = 'view'
  )
}}

with

source as (
    select *
    from {{ source('rudder', 'users') }}
),

renamed as (
    select
        cast(id as string) as user_id,
        cast(received_at as timestamp) as received_at_tstamp,
        cast(uuid_ts as timestamp) as uuid_ts,
        cast(email as string) as email,
        cast(first_name as string) as first_name,
        cast('identify' as string) as call_type,
        cast('rudder' as string) as source_schema,
        cast('users' as string) as source_table,
        cast('shop/Identify/1-0.json' as string) as schema_id
    from source
)

select * from renamed
