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
        cast(id as text) as user_id,
        cast(received_at as timestamptz) as received_at_tstamp,
        cast(uuid_ts as timestamptz) as uuid_ts,
        cast(email as text) as email,
        cast(first_name as text) as first_name,
        cast('identify' as text) as call_type,
        cast('rudder' as text) as source_schema,
        cast('users' as text) as source_table,
        cast('shop/Identify/1-0.json' as text) as schema_id
    from source
)

select * from renamed
